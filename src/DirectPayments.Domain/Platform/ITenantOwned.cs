namespace DirectPayments.Domain.Platform;

/// <summary>
/// A row owned by one council (DESIGN.md section 2). The data layer filters every query on it to the
/// signed-in user's council and refuses to save one into another council.
/// </summary>
public interface ITenantOwned
{
    Guid CouncilId { get; set; }
}
