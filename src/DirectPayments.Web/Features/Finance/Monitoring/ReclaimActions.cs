using System.Globalization;
using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Monitoring;
using DirectPayments.Web.Features.Journey;

namespace DirectPayments.Web.Features.Finance.Monitoring;

/// <summary>
/// The only way money is reclaimed (RULES.md section 6): a checked <see cref="ReclaimRequest"/>
/// with a basis becomes a <see cref="Reclaim"/> row and one Wallet to Council entry, saved together.
/// </summary>
public sealed class ReclaimActions(DpDbContext db, MoneyActions money)
{
    /// <summary>Records the reclaim, or gives the problems and changes nothing.</summary>
    public async Task<(Reclaim? Reclaim, IReadOnlyList<FieldProblem> Problems)> RecordAsync(DpAccount account, Guid? flagId, ReclaimRequest request, Who who, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(who);
        var balances = await money.BalancesAsync(account.Id);
        var problems = ReclaimRules.Problems(request, balances[LedgerBook.Wallet].Pence, money.Today);
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var agreed = request.Basis == ReclaimBasis.PersonAgreed;
        var reclaim = new Reclaim
        {
            Id = money.NewId(), AccountId = account.Id, ArrangementId = account.ArrangementId, FlagId = flagId,
            AmountPence = request.AmountPence!.Value, Basis = request.Basis!.Value,
            AgreementDetails = agreed ? request.AgreementDetails!.Trim() : null, AgreedOn = agreed ? request.AgreedOn : null,
            DecisionReasons = agreed ? null : request.DecisionReasons!.Trim(), NoticeGivenOn = agreed ? null : request.NoticeGivenOn,
            ChallengeRoute = agreed ? null : request.ChallengeRoute!.Trim(), Instalments = request.Instalments,
            DecidedByUserId = who.UserId, DecidedByName = who.Name, RecordedAt = money.Now,
        };
        db.Reclaims.Add(reclaim);
        money.Post(
            [new LedgerEntry
            {
                CouncilId = account.CouncilId, AccountId = account.Id, Debit = LedgerBook.Council, Credit = LedgerBook.Wallet,
                AmountPence = reclaim.AmountPence, OccurredOn = money.Today, Source = EntrySource.Reclaim, SourceId = reclaim.Id, LineNumber = 1,
                Description = agreed ? "Money returned to the council, as agreed" : "Money returned to the council after a formal decision",
            }],
            "Reclaim recorded", nameof(Reclaim), reclaim.Id.ToString(), account.PersonId);
        await db.SaveChangesAsync(ct);
        return (reclaim, []);
    }

    /// <summary>Records a conversation's outcome on a flag: resolves it and completes its task. The caller saves.</summary>
    public async Task RecordOutcomeAsync(MoneyFlag flag, ConversationOutcome outcome, string notes, Who who, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(flag);
        ArgumentNullException.ThrowIfNull(who);
        flag.Status = FlagStatus.Resolved;
        flag.Outcome = outcome;
        flag.OutcomeNotes = notes.Trim();
        flag.ResolvedByUserId = who.UserId;
        flag.ResolvedByName = who.Name;
        flag.ResolvedAt = money.Now;
        if (flag.TaskId is { } taskId && await db.Tasks.FindAsync([taskId], ct) is { CompletedOn: null } task)
        {
            task.CompletedOn = money.Today;
            task.CompletedByUserId = who.UserId;
            task.CompletedByName = who.Name;
            task.Outcome = string.Create(CultureInfo.InvariantCulture, $"{FlagText.Outcome(outcome)}: {flag.OutcomeNotes}");
        }
    }
}
