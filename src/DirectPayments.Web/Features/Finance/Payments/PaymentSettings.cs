using DirectPayments.Domain.Finance.Payments;

namespace DirectPayments.Web.Features.Finance.Payments;

/// <summary>
/// The council's own bank details for Bacs files, from configuration (section <c>Payments:Councils:{slug}</c>,
/// for example <c>Payments__Councils__exampleshire__OriginatingSortCode</c> as an environment variable). They
/// are settings an operator changes rarely and with care, so they live beside the other secrets of a
/// deployment rather than on a page (docs/money.md, "Payments and contributions").
/// </summary>
public sealed class PaymentSettings
{
    public Dictionary<string, CouncilPaymentSettings> Councils { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The council's originator details; empty strings when not set, so the Bacs writer can say so.</summary>
    public Originator OriginatorFor(string councilSlug) =>
        Councils.TryGetValue(councilSlug, out var c)
            ? new Originator(c.OriginatingSortCode ?? "", c.OriginatingAccountNumber ?? "", c.ServiceUserName ?? "")
            : new Originator("", "", "");
}

/// <summary>One council's Bacs originator: the account payments come from and the name the bank shows.</summary>
public sealed class CouncilPaymentSettings
{
    public string? OriginatingSortCode { get; set; }

    public string? OriginatingAccountNumber { get; set; }

    public string? ServiceUserName { get; set; }
}
