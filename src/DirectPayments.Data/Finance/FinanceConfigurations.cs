using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectPayments.Data.Finance;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        // The bulk import writes this table with PostgreSQL's binary COPY (LedgerBulkWriter), so it
        // keeps few indexes and no foreign keys: the importer checks every account id before writing.
        b.ToTable("ledger_entries", t =>
        {
            // The database itself refuses an entry that would break the ledger's rules.
            t.HasCheckConstraint("ck_ledger_entries_amount_positive", "amount_pence > 0");
            t.HasCheckConstraint("ck_ledger_entries_two_books", "debit <> credit");
        });
        b.Property(e => e.Id).ValueGeneratedOnAdd();
        b.Property(e => e.Debit).HasConversion<short>();
        b.Property(e => e.Credit).HasConversion<short>();
        b.Property(e => e.Source).HasConversion<short>();
        b.Property(e => e.Category).HasConversion<string>().HasMaxLength(40);
        b.Property(e => e.ExternalId).HasMaxLength(100);
        b.Property(e => e.Description).HasMaxLength(500);
        b.Property(e => e.Payee).HasMaxLength(200);
        b.HasIndex(e => new { e.AccountId, e.OccurredOn });
        b.HasIndex(e => e.SourceId);
    }
}

internal sealed class DpAccountConfiguration : IEntityTypeConfiguration<DpAccount>
{
    public void Configure(EntityTypeBuilder<DpAccount> b)
    {
        b.ToTable("dp_accounts");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.Reference).HasMaxLength(60);
        b.Property(a => a.HolderName).HasMaxLength(200);
        b.Property(a => a.SortCode).HasMaxLength(6);
        b.Property(a => a.AccountNumber).HasMaxLength(8);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.CouncilId, a.Reference }).IsUnique();
        b.HasIndex(a => a.ArrangementId);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(a => a.ArrangementId);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId);
    }
}

internal sealed class PaymentScheduleConfiguration : IEntityTypeConfiguration<PaymentSchedule>
{
    public void Configure(EntityTypeBuilder<PaymentSchedule> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(40);
        b.Property(s => s.Basis).HasConversion<string>().HasMaxLength(40);
        b.Property(s => s.CreatedByName).HasMaxLength(200);
        b.HasIndex(s => new { s.ArrangementId, s.StartsOn });
        b.HasOne<Arrangement>().WithMany().HasForeignKey(s => s.ArrangementId);
        b.HasOne<DpAccount>().WithMany().HasForeignKey(s => s.AccountId);
        b.HasOne<FundingDecision>().WithMany().HasForeignKey(s => s.FundingDecisionId);
    }
}

internal sealed class PaymentRunConfiguration : IEntityTypeConfiguration<PaymentRun>
{
    public void Configure(EntityTypeBuilder<PaymentRun> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Reference).HasMaxLength(20);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.IdempotencyKey).HasMaxLength(100);
        b.Property(r => r.CreatedByName).HasMaxLength(200);
        b.HasIndex(r => new { r.CouncilId, r.Reference }).IsUnique();
        b.HasIndex(r => new { r.CouncilId, r.IdempotencyKey }).IsUnique();
        b.HasIndex(r => new { r.CouncilId, r.PayOn });
    }
}

internal sealed class PaymentRunLineConfiguration : IEntityTypeConfiguration<PaymentRunLine>
{
    public void Configure(EntityTypeBuilder<PaymentRunLine> b)
    {
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(l => l.PaymentReference).HasMaxLength(18);
        b.HasIndex(l => new { l.RunId, l.LineNumber }).IsUnique();
        b.HasIndex(l => new { l.ArrangementId, l.DueOn, l.Kind }).IsUnique();
        b.HasOne<PaymentRun>().WithMany().HasForeignKey(l => l.RunId);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(l => l.ArrangementId);
        b.HasOne<DpAccount>().WithMany().HasForeignKey(l => l.AccountId);
        b.HasOne<PaymentSchedule>().WithMany().HasForeignKey(l => l.ScheduleId);
    }
}

internal sealed class StatementImportConfiguration : IEntityTypeConfiguration<StatementImport>
{
    public void Configure(EntityTypeBuilder<StatementImport> b)
    {
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.ColumnMapName).HasMaxLength(100);
        b.Property(i => i.FileName).HasMaxLength(260);
        b.Property(i => i.FileSha256).HasMaxLength(64);
        b.Property(i => i.Channel).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.ImportedByName).HasMaxLength(200);
        b.HasIndex(i => new { i.CouncilId, i.FileSha256 });
        b.HasIndex(i => new { i.CouncilId, i.ImportedAt });
        b.HasOne<DpAccount>().WithMany().HasForeignKey(i => i.AccountId);
    }
}

internal sealed class ColumnMapConfiguration : IEntityTypeConfiguration<ColumnMap>
{
    public void Configure(EntityTypeBuilder<ColumnMap> b)
    {
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Name).HasMaxLength(100);
        b.Property(m => m.Description).HasMaxLength(1000);
        b.Property(m => m.DateFormat).HasMaxLength(40);
        foreach (var column in new[] { nameof(ColumnMap.DateColumn), nameof(ColumnMap.DescriptionColumn), nameof(ColumnMap.AmountColumn),
            nameof(ColumnMap.DebitColumn), nameof(ColumnMap.CreditColumn), nameof(ColumnMap.BalanceColumn), nameof(ColumnMap.TransactionIdColumn),
            nameof(ColumnMap.AccountColumn), nameof(ColumnMap.PayeeColumn) })
        {
            b.Property(column).HasMaxLength(100);
        }
        b.Property(m => m.CreatedByName).HasMaxLength(200);
        b.HasIndex(m => new { m.CouncilId, m.Name }).IsUnique();
    }
}

internal sealed class CategoryRuleConfiguration : IEntityTypeConfiguration<CategoryRule>
{
    public void Configure(EntityTypeBuilder<CategoryRule> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Contains).HasMaxLength(200);
        b.Property(r => r.Category).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.CreatedByName).HasMaxLength(200);
        b.HasIndex(r => new { r.CouncilId, r.Contains }).IsUnique();
    }
}

internal sealed class EntryNoteConfiguration : IEntityTypeConfiguration<EntryNote>
{
    public void Configure(EntityTypeBuilder<EntryNote> b)
    {
        b.Property(n => n.Id).ValueGeneratedNever();
        b.Property(n => n.Category).HasConversion<string>().HasMaxLength(40);
        b.Property(n => n.Explanation).HasMaxLength(500);
        b.Property(n => n.ByName).HasMaxLength(200);
        b.HasIndex(n => new { n.AccountId, n.EntryId });
        b.HasOne<DpAccount>().WithMany().HasForeignKey(n => n.AccountId);
    }
}

internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Category).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.Description).HasMaxLength(500);
        b.Property(r => r.FileName).HasMaxLength(260);
        b.Property(r => r.ContentType).HasMaxLength(100);
        b.Property(r => r.ByName).HasMaxLength(200);
        b.HasIndex(r => new { r.AccountId, r.SpentOn });
        b.HasOne<DpAccount>().WithMany().HasForeignKey(r => r.AccountId);
    }
}

internal sealed class MonitoringSettingsConfiguration : IEntityTypeConfiguration<MonitoringSettings>
{
    public void Configure(EntityTypeBuilder<MonitoringSettings> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.ChangedByName).HasMaxLength(200);
        b.Property(s => s.Reason).HasMaxLength(2000);
        b.HasIndex(s => new { s.CouncilId, s.Version }).IsUnique();
        b.HasOne<Council>().WithMany().HasForeignKey(s => s.CouncilId);
    }
}

internal sealed class MoneyFlagConfiguration : IEntityTypeConfiguration<MoneyFlag>
{
    public void Configure(EntityTypeBuilder<MoneyFlag> b)
    {
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(f => f.Status).HasConversion<string>().HasMaxLength(40);
        b.Property(f => f.Outcome).HasConversion<string>().HasMaxLength(40);
        b.Property(f => f.Facts).HasMaxLength(1000);
        b.Property(f => f.OutcomeNotes).HasMaxLength(4000);
        b.Property(f => f.ResolvedByName).HasMaxLength(200);
        b.HasIndex(f => new { f.AccountId, f.Kind, f.Status });
        b.HasIndex(f => new { f.CouncilId, f.Status, f.RaisedOn });
        b.HasOne<DpAccount>().WithMany().HasForeignKey(f => f.AccountId);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(f => f.ArrangementId);
        b.HasOne<CaseTask>().WithMany().HasForeignKey(f => f.TaskId);
    }
}

internal sealed class ReclaimConfiguration : IEntityTypeConfiguration<Reclaim>
{
    public void Configure(EntityTypeBuilder<Reclaim> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Basis).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.AgreementDetails).HasMaxLength(2000);
        b.Property(r => r.DecisionReasons).HasMaxLength(4000);
        b.Property(r => r.ChallengeRoute).HasMaxLength(2000);
        b.Property(r => r.DecidedByName).HasMaxLength(200);
        b.HasIndex(r => r.AccountId);
        b.HasOne<DpAccount>().WithMany().HasForeignKey(r => r.AccountId);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(r => r.ArrangementId);
        b.HasOne<MoneyFlag>().WithMany().HasForeignKey(r => r.FlagId);
    }
}

internal sealed class AuditSampleConfiguration : IEntityTypeConfiguration<AuditSample>
{
    public void Configure(EntityTypeBuilder<AuditSample> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Reasons).HasMaxLength(1000);
        b.Property(s => s.Findings).HasMaxLength(4000);
        b.HasIndex(s => new { s.CouncilId, s.Month, s.AccountId }).IsUnique();
        b.HasOne<DpAccount>().WithMany().HasForeignKey(s => s.AccountId);
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Job).HasMaxLength(100);
        b.Property(r => r.Node).HasMaxLength(200);
        b.Property(r => r.Outcome).HasMaxLength(2000);
        b.HasIndex(r => new { r.Job, r.Slot }).IsUnique();
    }
}

internal sealed class SpendingPolicyConfiguration : IEntityTypeConfiguration<SpendingPolicy>
{
    public void Configure(EntityTypeBuilder<SpendingPolicy> b)
    {
        b.ToTable("spending_policies");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Text).HasMaxLength(10_000);
        b.Property(p => p.UpdatedByName).HasMaxLength(200);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.CouncilId).IsUnique();
    }
}
