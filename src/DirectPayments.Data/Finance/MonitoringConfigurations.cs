using DirectPayments.Domain.Finance.Monitoring;
using DirectPayments.Domain.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectPayments.Data.Finance;

internal sealed class MonitoringTotalsConfiguration : IEntityTypeConfiguration<MonitoringTotals>
{
    public void Configure(EntityTypeBuilder<MonitoringTotals> b)
    {
        // Derived from ledger_entries by the monitoring run's set-based SQL (MonitoringRun); no
        // foreign keys, so the run can rebuild it quickly.
        b.ToTable("monitoring_totals");
        b.HasKey(t => t.AccountId);
        b.Property(t => t.AccountId).ValueGeneratedNever();
        b.HasIndex(t => t.CouncilId);
    }
}

internal sealed class MonitoringWatermarkConfiguration : IEntityTypeConfiguration<MonitoringWatermark>
{
    public void Configure(EntityTypeBuilder<MonitoringWatermark> b)
    {
        b.ToTable("monitoring_watermarks");
        b.HasKey(w => w.CouncilId);
        b.Property(w => w.CouncilId).ValueGeneratedNever();
        b.HasOne<Council>().WithMany().HasForeignKey(w => w.CouncilId);
    }
}
