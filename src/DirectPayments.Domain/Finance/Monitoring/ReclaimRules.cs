namespace DirectPayments.Domain.Finance.Monitoring;

/// <summary>What someone asked to reclaim, before it is checked.</summary>
public sealed record ReclaimRequest(
    long? AmountPence,
    ReclaimBasis? Basis,
    string? AgreementDetails,
    DateOnly? AgreedOn,
    string? DecisionReasons,
    DateOnly? NoticeGivenOn,
    string? ChallengeRoute,
    int Instalments = 1);

/// <summary>One problem with a request, at a form field, in plain English.</summary>
public readonly record struct FieldProblem(string Field, string Message);

/// <summary>
/// When money may be reclaimed (RULES.md section 6): never automatically, only with the person's
/// recorded agreement or a formal decision with written reasons, notice and a way to challenge it,
/// and never more than the account holds.
/// </summary>
public static class ReclaimRules
{
    public static IReadOnlyList<FieldProblem> Problems(ReclaimRequest request, long walletBalancePence, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<FieldProblem>();
        if (request.AmountPence is not { } amount || amount <= 0)
        {
            problems.Add(new("Amount", "Enter an amount more than £0.00, like 250.00"));
        }
        else if (amount > walletBalancePence)
        {
            problems.Add(new("Amount", $"The amount cannot be more than the {new Money(walletBalancePence)} in the account"));
        }
        switch (request.Basis)
        {
            case null:
                problems.Add(new("Basis", "Choose whether the person agreed or this is a formal decision"));
                break;
            case ReclaimBasis.PersonAgreed:
                if (string.IsNullOrWhiteSpace(request.AgreementDetails))
                {
                    problems.Add(new("AgreementDetails", "Enter how the person agreed, in their words if you can"));
                }
                if (request.AgreedOn is not { } agreed)
                {
                    problems.Add(new("AgreedOn", "Enter the date the person agreed"));
                }
                else if (agreed > today)
                {
                    problems.Add(new("AgreedOn", "The date the person agreed must be today or in the past"));
                }
                break;
            case ReclaimBasis.FormalDecision:
                if (string.IsNullOrWhiteSpace(request.DecisionReasons))
                {
                    problems.Add(new("DecisionReasons", "Enter the written reasons given to the person"));
                }
                if (request.NoticeGivenOn is not { } notice)
                {
                    problems.Add(new("NoticeGivenOn", "Enter the date notice was given to the person"));
                }
                else if (notice > today)
                {
                    problems.Add(new("NoticeGivenOn", "The date notice was given must be today or in the past"));
                }
                if (string.IsNullOrWhiteSpace(request.ChallengeRoute))
                {
                    problems.Add(new("ChallengeRoute", "Enter how the person can challenge the decision"));
                }
                break;
            default:
                problems.Add(new("Basis", "Choose whether the person agreed or this is a formal decision"));
                break;
        }
        if (request.Instalments is < 1 or > 52)
        {
            problems.Add(new("Instalments", "Instalments must be between 1 and 52"));
        }
        return problems;
    }
}
