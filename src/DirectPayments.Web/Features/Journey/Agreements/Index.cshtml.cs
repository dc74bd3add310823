using System.Globalization;
using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Agreements;

/// <summary>
/// The latest version of the direct payment agreement: read it, create it (or a new version when the
/// plan or budget changed), and sign it electronically with a typed name, an explicit confirmation and
/// the hash of the exact text read (issue #3, item 6).
/// </summary>
[Authorize(Policy = Policies.ViewArrangement)]
public sealed class IndexModel(DpDbContext db, JourneyActions journey, IAuthorizationService authorization) : PageModel
{
    /// <summary>The ModelState key for problems with the signature as a whole, linked to the signing section.</summary>
    public const string SignatureKey = "Signature";

    [FromRoute] public Guid ArrangementId { get; set; }

    [BindProperty] public string? TypedName { get; set; }

    [BindProperty] public bool Confirmed { get; set; }

    [BindProperty] public int VersionNumber { get; set; }

    [BindProperty] public string? TextHash { get; set; }

    public Arrangement Arrangement { get; private set; } = null!;

    public AgreementDocument? Latest { get; private set; }

    public IReadOnlyList<AgreementVersion> Earlier { get; private set; } = [];

    public bool CanCreate { get; private set; }

    public string? CreateProblem { get; private set; }

    /// <summary>How this user would sign the latest version, or null if they cannot sign it now.</summary>
    public SignerKind? SignAs { get; private set; }

    public string PersonName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var arrangement = await journey.FindVisibleAsync(User, ArrangementId);
        if (arrangement is null)
        {
            return NotFound();
        }
        await LoadAsync(arrangement);
        if (Latest is not null)
        {
            VersionNumber = Latest.Agreement.Version;
            TextHash = Latest.Agreement.TextHash;
        }
        db.RecordAudit("agreement.viewed", nameof(AgreementVersion), arrangement.Id.ToString(), arrangement.PersonId,
            details: Latest is null ? "No agreement yet" : $"Version {Latest.Agreement.Version}");
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var arrangement = await journey.FindVisibleAsync(User, ArrangementId, tracking: true);
        if (arrangement is null)
        {
            return NotFound();
        }
        // Another council's or an unrelated record is 404 before the role is considered, as on every page.
        if (!(await authorization.AuthorizeAsync(User, Policies.ManageJourney)).Succeeded)
        {
            return Forbid();
        }
        if (!AgreementDrafts.CanCreateAt(arrangement.Stage))
        {
            return await ShowAsync(arrangement, "Create", $"An agreement can be created at the agreement step, or while the direct payment is active or paused. This direct payment is at {arrangement.Stage.Label().ToLowerInvariant()}");
        }
        var (draft, problem) = await AgreementDrafts.PrepareAsync(db, journey, arrangement);
        if (draft is null)
        {
            return await ShowAsync(arrangement, "Create", problem!);
        }
        var versions = await db.AgreementVersions.Where(v => v.ArrangementId == arrangement.Id).OrderByDescending(v => v.Version).ToListAsync();
        if (versions.FirstOrDefault() is { } latest && latest.TextHash == draft.TextHash && latest.Text == draft.Text)
        {
            return await ShowAsync(arrangement, "Create", $"Nothing has changed since version {latest.Version}. A new version is made only when the plan, the budget or the other details in it change");
        }
        foreach (var earlier in versions.Where(v => v.Status != AgreementStatus.Superseded))
        {
            earlier.Status = AgreementStatus.Superseded;
        }
        var created = new AgreementVersion
        {
            Id = journey.NewId(),
            ArrangementId = arrangement.Id,
            Version = (versions.FirstOrDefault()?.Version ?? 0) + 1,
            PlanId = draft.Plan.Id,
            FundingDecisionId = draft.Funding.Id,
            Status = AgreementStatus.AwaitingSignatures,
            Text = draft.Text,
            TextHash = draft.TextHash,
            CreatedAt = journey.Now,
        };
        db.AgreementVersions.Add(created);
        db.Actor.Reason = created.Version == 1 ? "Agreement created" : $"Agreement version {created.Version} replaces version {created.Version - 1}";
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await ShowAsync(arrangement, "Create", "Someone else created a new version of the agreement at the same time. Read the version shown and try again if something is still missing");
        }
        TempData["Success"] = created.Version == 1
            ? "The agreement is ready to sign"
            : $"Version {created.Version} of the agreement is ready to sign. Version {created.Version - 1} is kept but can no longer be signed";
        return Redirect($"/arrangements/{arrangement.Id}/agreement");
    }

    public async Task<IActionResult> OnPostSignAsync()
    {
        var arrangement = await journey.FindVisibleAsync(User, ArrangementId, tracking: true);
        if (arrangement is null)
        {
            return NotFound();
        }
        var kind = await SignerKindAsync(arrangement);
        if (kind is not { } signer)
        {
            return Forbid();
        }
        var agreement = await db.AgreementVersions.Include(v => v.Signatures)
            .SingleOrDefaultAsync(v => v.ArrangementId == arrangement.Id && v.Version == VersionNumber);
        if (agreement is null)
        {
            return NotFound();
        }
        if (arrangement.Stage == Stage.Ended)
        {
            return await ShowAsync(arrangement, SignatureKey, "This direct payment has ended, so its agreement can no longer be signed");
        }
        var latestVersion = await db.AgreementVersions.Where(v => v.ArrangementId == arrangement.Id).MaxAsync(v => v.Version);
        if (AgreementRules.CheckSignature(agreement, latestVersion, signer, TypedName, Confirmed, TextHash) is { } refusal)
        {
            switch (refusal.Code)
            {
                case "name-missing" or "name-too-long":
                    ModelState.AddModelError(nameof(TypedName), refusal.Message);
                    if (!Confirmed)
                    {
                        ModelState.AddModelError(nameof(Confirmed), "Confirm that you have read the agreement and agree to it");
                    }
                    break;
                case "not-confirmed":
                    ModelState.AddModelError(nameof(Confirmed), refusal.Message);
                    break;
                default:
                    ModelState.AddModelError(SignatureKey, refusal.Message);
                    break;
            }
            return await ShowAsync(arrangement, null, null);
        }

        var now = journey.Now;
        agreement.Signatures.Add(new AgreementSignature
        {
            Id = journey.NewId(),
            AgreementVersionId = agreement.Id,
            Kind = signer,
            Side = AgreementRules.SideOf(signer),
            UserId = User.UserId(),
            TypedName = TypedName!.Trim(),
            AccountName = User.Identity?.Name ?? "Unknown",
            Confirmation = AgreementRules.Confirmation,
            SignedHash = TextHash!,
            SignedAt = now,
        });
        var signedByAll = AgreementRules.SignedByAll(agreement);
        if (signedByAll)
        {
            agreement.Status = AgreementStatus.FullySigned;
        }
        db.Actor.Reason = $"Agreement version {agreement.Version} signed";
        db.RecordAudit("agreement.signed", nameof(AgreementVersion), agreement.Id.ToString(), arrangement.PersonId,
            details: $"Version {agreement.Version} signed by {signer.Label().ToLowerInvariant()} as \"{TypedName.Trim()}\"; SHA-256 of the text signed: {TextHash}");

        // The signature and, once both sides have signed, the move to set-up are kept together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            await db.SaveChangesAsync();
            if (signedByAll)
            {
                var reason = $"Agreement version {agreement.Version.ToString(CultureInfo.InvariantCulture)} signed by both";
                var who = signer == SignerKind.Council ? Who.From(User) : Who.System;
                if (arrangement.Stage == Stage.Agreement)
                {
                    if (await journey.MoveAsync(arrangement, new MoveRequest(Stage.SetUp, Mover.Council, reason), who) is { } moveRefusal)
                    {
                        await transaction.RollbackAsync();
                        db.ChangeTracker.Clear();
                        return await ShowAsync(arrangement, SignatureKey, moveRefusal.Message);
                    }
                }
                else
                {
                    db.ArrangementTransitions.Add(new ArrangementTransition
                    {
                        Id = journey.NewId(),
                        ArrangementId = arrangement.Id,
                        From = arrangement.Stage,
                        To = arrangement.Stage,
                        OccurredAt = now,
                        ActorUserId = who.UserId,
                        ActorName = who.Name,
                        Reason = reason,
                    });
                }
                await db.SaveChangesAsync();
            }
            await transaction.CommitAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return await ShowAsync(arrangement, SignatureKey, "Someone else changed this direct payment while you were signing. Read the agreement again and sign");
        }
        catch (DbUpdateException)
        {
            // The unique index on (version, side) decides when two people sign for the same side at once.
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            var side = signer == SignerKind.Council ? "The council has" : "The person or their representative has";
            return await ShowAsync(arrangement, SignatureKey, $"{side} already signed this version");
        }
        TempData["Success"] = signedByAll
            ? $"Version {agreement.Version} of the agreement is signed by everyone" + (arrangement.Stage == Stage.SetUp ? ". The direct payment can now be set up" : "")
            : "Thank you. Your signature is saved. The agreement now needs the other signature";
        return Redirect($"/arrangements/{arrangement.Id}/agreement");
    }

    /// <summary>Shows the page again with an error, changing nothing.</summary>
    private async Task<IActionResult> ShowAsync(Arrangement arrangement, string? key, string? message)
    {
        if (key is not null && message is not null)
        {
            ModelState.AddModelError(key, message);
        }
        var fresh = await journey.FindVisibleAsync(User, arrangement.Id) ?? arrangement;
        await LoadAsync(fresh);
        if (Latest is not null && ModelState.ContainsKey(SignatureKey))
        {
            // The signer must read what is now the latest text, so the form carries its number and hash.
            ModelState.Remove(nameof(VersionNumber));
            ModelState.Remove(nameof(TextHash));
            VersionNumber = Latest.Agreement.Version;
            TextHash = Latest.Agreement.TextHash;
        }
        return Page();
    }

    private async Task LoadAsync(Arrangement arrangement)
    {
        Arrangement = arrangement;
        PersonName = await db.People.Where(p => p.Id == arrangement.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync();
        var versions = await db.AgreementVersions.AsNoTracking().Where(v => v.ArrangementId == arrangement.Id).OrderByDescending(v => v.Version).ToListAsync();
        Latest = versions.Count > 0 ? await AgreementDocument.LoadAsync(db, arrangement, versions[0].Version) : null;
        Earlier = [.. versions.Skip(1)];
        CanCreate = (await authorization.AuthorizeAsync(User, Policies.ManageJourney)).Succeeded && AgreementDrafts.CanCreateAt(arrangement.Stage);
        if (CanCreate)
        {
            CreateProblem = (await AgreementDrafts.PrepareAsync(db, journey, arrangement)).Problem;
        }
        var kind = await SignerKindAsync(arrangement);
        SignAs = Latest is { IsReplaced: false } latest && arrangement.Stage != Stage.Ended && kind is { } k
            && !latest.Agreement.Signatures.Any(s => s.Side == AgreementRules.SideOf(k))
            ? k : null;
    }

    /// <summary>The person signs for themselves, a representative for the person they act for, and staff who may sign for the council.</summary>
    private async Task<SignerKind?> SignerKindAsync(Arrangement arrangement)
    {
        if (User.AppRole() == Role.Person)
        {
            var userId = User.UserId();
            var relationship = await db.PersonAccess.Where(a => a.PersonId == arrangement.PersonId && a.UserId == userId)
                .Select(a => (Relationship?)a.Relationship).FirstOrDefaultAsync();
            return relationship switch
            {
                null => null,
                Relationship.Self => SignerKind.Person,
                _ => SignerKind.Representative,
            };
        }
        return (await authorization.AuthorizeAsync(User, Policies.SignForCouncil)).Succeeded ? SignerKind.Council : null;
    }
}
