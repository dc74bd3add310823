using System.Diagnostics;
using System.Net;
using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Testing;
using DirectPayments.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DirectPayments.Web.Tests.Journey;

/// <summary>The agreement: creating versions, signing electronically, print and PDF (issue #3, item 6).</summary>
public abstract class AgreementTests(TestApp app)
{
    private const string Amara = "amara.okafor@demo.example";
    private const string Grace = "grace.bennett@demo.example";
    private const string Manager = "mark.evans@demo.example";
    private const string Practitioner = "priya.shah@demo.example";
    private const string Finance = "fiona.reid@demo.example";

    [Fact]
    public async Task Create_FromAgreedPlanAndApprovedBudget_MakesVersionOneAndRefusesAnIdenticalOne()
    {
        app.SkipIfUnavailable();
        var id = await WalkAsync("EX-000101", Stage.Agreement, removeAgreement: true);
        using var client = app.CreateClient();
        await client.SignInAsync(Practitioner);

        using var created = await client.SubmitAsync($"/arrangements/{id}/agreement", new Dictionary<string, string>(), handler: "Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var version = Assert.Single(await VersionsAsync(id));
        Assert.Equal(1, version.Version);
        Assert.Equal(AgreementStatus.AwaitingSignatures, version.Status);
        Assert.Equal(AgreementRules.Hash(version.Text), version.TextHash);
        Assert.Contains("Amara Okafor", version.Text, StringComparison.Ordinal);
        Assert.Contains("The cost of meeting your needs is £239.60 a week.", version.Text, StringComparison.Ordinal);

        var page = await client.GetPageAsync($"/arrangements/{id}/agreement");
        Assert.Contains("The agreement is ready to sign", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);

        using var again = await client.SubmitAsync($"/arrangements/{id}/agreement", new Dictionary<string, string>(), handler: "Create");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.StartsWith("Nothing has changed since version 1", Assert.Single(await TestClient.ErrorsAsync(again)), StringComparison.Ordinal);
        Assert.Single(await VersionsAsync(id));
    }

    [Fact]
    public async Task Sign_ByPersonThenCouncil_FullySignsAndMovesToSetUp()
    {
        app.SkipIfUnavailable();
        var id = await WalkAsync("EX-000101", Stage.Agreement);
        using var person = app.CreateClient();
        await person.SignInAsync(Amara);
        using var signed = await person.SubmitAsync($"/arrangements/{id}/agreement",
            new Dictionary<string, string> { ["TypedName"] = "Amara Okafor", ["Confirmed"] = "True" }, handler: "Sign");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var afterPerson = Assert.Single(await VersionsAsync(id));
        var personSignature = Assert.Single(afterPerson.Signatures);
        Assert.Equal((SignerKind.Person, "person", "Amara Okafor", afterPerson.TextHash), (personSignature.Kind, personSignature.Side, personSignature.TypedName, personSignature.SignedHash));
        Assert.Equal(AgreementRules.Confirmation, personSignature.Confirmation);
        Assert.Equal(AgreementStatus.AwaitingSignatures, afterPerson.Status);
        var again = await person.GetPageAsync($"/arrangements/{id}/agreement");
        Assert.Null(again.QuerySelector("form[action*='handler=Sign']"));

        using var council = app.CreateClient();
        await council.SignInAsync(Manager);
        using var countersigned = await council.SubmitAsync($"/arrangements/{id}/agreement",
            new Dictionary<string, string> { ["TypedName"] = "Mark Evans", ["Confirmed"] = "True" }, handler: "Sign");
        Assert.Equal(HttpStatusCode.Redirect, countersigned.StatusCode);

        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var version = await db.AgreementVersions.Include(v => v.Signatures).SingleAsync(v => v.ArrangementId == id);
            Assert.Equal(AgreementStatus.FullySigned, version.Status);
            Assert.Equal([SignerKind.Person, SignerKind.Council], version.Signatures.OrderBy(s => s.SignedAt).Select(s => s.Kind));
            var arrangement = await db.Arrangements.SingleAsync(a => a.Id == id);
            Assert.Equal(Stage.SetUp, arrangement.Stage);
            var move = await db.ArrangementTransitions.Where(t => t.ArrangementId == id).OrderByDescending(t => t.OccurredAt).FirstAsync();
            Assert.Equal((Stage.Agreement, Stage.SetUp, "Agreement version 1 signed by both"), (move.From, move.To, move.Reason));
            Assert.True(await db.Tasks.AnyAsync(t => t.ArrangementId == id && t.Kind == TaskKind.SignUpVisit && t.CompletedOn == null));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "agreement.signed" && e.RecordId == version.Id.ToString() && e.Details!.Contains(version.TextHash)));
        }
    }

    [Fact]
    public async Task Sign_OutdatedVersion_IsRefusedAndNothingIsStored()
    {
        app.SkipIfUnavailable();
        var id = await WalkAsync("EX-000101", Stage.Agreement);
        using var person = app.CreateClient();
        await person.SignInAsync(Amara);
        var first = await person.GetPageAsync($"/arrangements/{id}/agreement");
        var oldHash = first.QuerySelector("input[name=TextHash]")!.GetAttribute("value")!;

        // The review interval is in the agreement's text, so changing it makes a new version.
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var arrangement = await db.Arrangements.SingleAsync(a => a.Id == id);
            arrangement.ReviewIntervalMonths = 6;
            await db.SaveChangesAsync();
        }
        using var staff = app.CreateClient();
        await staff.SignInAsync(Manager);
        using var created = await staff.SubmitAsync($"/arrangements/{id}/agreement", new Dictionary<string, string>(), handler: "Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        using var response = await person.PostWithTokenAsync($"/arrangements/{id}/agreement", $"/arrangements/{id}/agreement?handler=Sign",
            new Dictionary<string, string> { ["VersionNumber"] = "1", ["TextHash"] = oldHash, ["TypedName"] = "Amara Okafor", ["Confirmed"] = "True" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Version 1 of the agreement has been replaced by version 2. Read the latest version and sign that instead"], await TestClient.ErrorsAsync(response));
        var versions = await VersionsAsync(id);
        Assert.Equal([AgreementStatus.Superseded, AgreementStatus.AwaitingSignatures], versions.Select(v => v.Status));
        Assert.All(versions, v => Assert.Empty(v.Signatures));

        var old = await person.GetPageAsync($"/arrangements/{id}/agreement/1");
        Assert.Contains("This version has been replaced by version 2", old.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_WrongHash_IsRefused()
    {
        app.SkipIfUnavailable();
        var id = await WalkAsync("EX-000101", Stage.Agreement);
        using var person = app.CreateClient();
        await person.SignInAsync(Amara);
        using var response = await person.SubmitAsync($"/arrangements/{id}/agreement",
            new Dictionary<string, string> { ["TextHash"] = new string('0', 64), ["TypedName"] = "Amara Okafor", ["Confirmed"] = "True" }, handler: "Sign");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["The agreement changed after you opened it. Read it again and sign the version shown"], await TestClient.ErrorsAsync(response));
        Assert.Empty(Assert.Single(await VersionsAsync(id)).Signatures);
    }

    [Fact]
    public async Task Sign_NoNameAndNotConfirmed_ShowsBothErrorsAtTheirFields()
    {
        app.SkipIfUnavailable();
        var id = await WalkAsync("EX-000101", Stage.Agreement);
        using var person = app.CreateClient();
        await person.SignInAsync(Amara);
        using var response = await person.SubmitAsync($"/arrangements/{id}/agreement", new Dictionary<string, string> { ["TypedName"] = " " }, handler: "Sign");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal(["Type your full name to sign", "Confirm that you have read the agreement and agree to it"], TestClient.ErrorSummary(page));
        Assert.Equal("Error: Type your full name to sign", page.QuerySelector("#TypedName-error")!.TextContent.Trim());
        Assert.Equal("Error: Confirm that you have read the agreement and agree to it", page.QuerySelector("#Confirmed-error")!.TextContent.Trim());
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Empty(Assert.Single(await VersionsAsync(id)).Signatures);
    }

    [Fact]
    public async Task Sign_ParentForTheirChild_SignsAsRepresentative()
    {
        app.SkipIfUnavailable();
        var id = await WalkAsync("EX-000102", Stage.Agreement);
        using var parent = app.CreateClient();
        await parent.SignInAsync(Grace);
        var page = await parent.GetPageAsync($"/arrangements/{id}/agreement");
        Assert.Contains("You are signing for Leo Bennett", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var signed = await parent.SubmitAsync($"/arrangements/{id}/agreement",
            new Dictionary<string, string> { ["TypedName"] = "Grace Bennett", ["Confirmed"] = "True" }, handler: "Sign");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var signature = Assert.Single(Assert.Single(await VersionsAsync(id)).Signatures);
        Assert.Equal((SignerKind.Representative, "person", "Grace Bennett"), (signature.Kind, signature.Side, signature.AccountName));
    }

    [Fact]
    public async Task Sign_AsFinanceOfficer_HasNoFormAndIsForbidden()
    {
        app.SkipIfUnavailable();
        var id = await WalkAsync("EX-000101", Stage.Agreement);
        using var finance = app.CreateClient();
        await finance.SignInAsync(Finance);
        var page = await finance.GetPageAsync($"/arrangements/{id}/agreement");
        Assert.Null(page.QuerySelector("form[action*='handler=Sign']"));
        var hash = Assert.Single(await VersionsAsync(id)).TextHash;
        using var response = await finance.PostWithTokenAsync($"/arrangements/{id}/agreement", $"/arrangements/{id}/agreement?handler=Sign",
            new Dictionary<string, string> { ["VersionNumber"] = "1", ["TextHash"] = hash, ["TypedName"] = "Fiona Reid", ["Confirmed"] = "True" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(Assert.Single(await VersionsAsync(id)).Signatures);
    }

    [Fact]
    public async Task Agreement_OfAnotherCouncil_IsNotFound()
    {
        app.SkipIfUnavailable();
        var (scope, db) = app.OpenDatabase();
        Guid nora;
        using (scope)
        {
            db.Actor.CouncilId = await db.Councils.Where(c => c.Slug == DemoSeeder.SecondCouncilSlug).Select(c => c.Id).SingleAsync();
            nora = await db.Arrangements.Select(a => a.Id).FirstAsync();
        }
        using var client = app.CreateClient();
        await client.SignInAsync(Manager);
        foreach (var path in new[] { "agreement", "agreement/1", "agreement/1/print", "agreement/1/pdf", "set-up" })
        {
            using var response = await client.GetAsync($"/arrangements/{nora}/{path}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} gave {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Print_ShowsTheVersionWithSignaturesAndTheFullHash()
    {
        app.SkipIfUnavailable();
        var (id, hash) = await AmarasActiveAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Amara);
        var page = await client.GetPageAsync($"/arrangements/{id}/agreement/1/print");
        Assert.Matches("^Direct payment agreement DP-[0-9A-Z]{6}, version 1$", page.Title);
        Assert.Contains(hash, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Exampleshire County Council", page.QuerySelector(".council")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task Pdf_IsATaggedPdfWithTheAgreementText()
    {
        app.SkipIfUnavailable();
        if (!File.Exists("/usr/bin/chromium"))
        {
            Assert.Skip("The PDF test needs Chromium at /usr/bin/chromium (apt-get install chromium); .ci/run installs it.");
        }
        var (id, _) = await AmarasActiveAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Amara);
        using var response = await client.GetAsync($"/arrangements/{id}/agreement/1/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches("^agreement-DP-[0-9A-Z]{6}-v1\\.pdf$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);

        if (!OnPath("pdftotext") || !OnPath("pdfinfo"))
        {
            Assert.Skip("The PDF's text and tags are checked with pdftotext and pdfinfo from poppler-utils (apt-get install poppler-utils); .ci/run installs them.");
        }
        var file = Path.Combine(Path.GetTempPath(), $"dp-agreement-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, bytes);
        try
        {
            var text = await RunAsync("pdftotext", "-layout", file, "-");
            Assert.Contains("Direct payment agreement", text, StringComparison.Ordinal);
            Assert.Contains("Amara Okafor", text, StringComparison.Ordinal);
            Assert.Contains("£239.60 a week", text, StringComparison.Ordinal);
            var info = await RunAsync("pdfinfo", file);
            Assert.Matches("Tagged:\\s+yes", info);
            Assert.Matches("Title:\\s+Direct payment agreement DP-", info);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<(IServiceScope Scope, DpDbContext Db)> OpenAsync()
    {
        var (scope, db) = app.OpenDatabase();
        db.Actor.CouncilId = await db.Councils.Where(c => c.Slug == DemoSeeder.CouncilSlug).Select(c => c.Id).SingleAsync();
        return (scope, db);
    }

    /// <summary>A new arrangement for a demo person, walked to the stage through the real rules.</summary>
    private async Task<Guid> WalkAsync(string personReference, Stage stage, bool removeAgreement = false)
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var person = await db.People.SingleAsync(p => p.Reference == personReference);
            var builder = scope.ServiceProvider.GetRequiredService<JourneyBuilder>();
            var arrangement = await builder.WalkToAsync(person, stage, new JourneyShape { StartedDaysAgo = 20 });
            if (removeAgreement)
            {
                db.AgreementVersions.RemoveRange(await db.AgreementVersions.Where(v => v.ArrangementId == arrangement.Id).ToListAsync());
                await db.SaveChangesAsync();
            }
            return arrangement.Id;
        }
    }

    private async Task<List<AgreementVersion>> VersionsAsync(Guid arrangementId)
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            return await db.AgreementVersions.AsNoTracking().Include(v => v.Signatures).Where(v => v.ArrangementId == arrangementId).OrderBy(v => v.Version).ToListAsync();
        }
    }

    /// <summary>Amara's demo arrangement: active, with version 1 of the agreement signed by both sides.</summary>
    private async Task<(Guid Id, string Hash)> AmarasActiveAsync()
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var amara = await db.People.Where(p => p.Reference == "EX-000101").Select(p => p.Id).SingleAsync();
            var id = await db.Arrangements.Where(a => a.PersonId == amara && a.Stage == Stage.Active).OrderBy(a => a.CreatedAt).Select(a => a.Id).FirstAsync();
            var hash = await db.AgreementVersions.Where(v => v.ArrangementId == id && v.Version == 1).Select(v => v.TextHash).SingleAsync();
            return (id, hash);
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, program)));

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed: {await process.StandardError.ReadToEndAsync()}");
        return output;
    }
}

public sealed class AgreementTests_Sqlite(SqliteApp app) : AgreementTests(app), IClassFixture<SqliteApp>;

public sealed class AgreementTests_Postgres(PostgresApp app) : AgreementTests(app), IClassFixture<PostgresApp>;
