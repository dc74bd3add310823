using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectPayments.Data.Journey;

internal sealed class ArrangementConfiguration : IEntityTypeConfiguration<Arrangement>
{
    public void Configure(EntityTypeBuilder<Arrangement> b)
    {
        b.Property(a => a.Reference).HasMaxLength(20);
        b.Property(a => a.Stage).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.Route).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.Channel).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.NeedLevel).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.PaymentMethod).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.EndedBy).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.EndingReason).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.EnquiryNotes).HasMaxLength(4000);
        b.Property(a => a.ExternalReference).HasMaxLength(100);
        b.Property(a => a.AssessmentReference).HasMaxLength(100);
        b.Property(a => a.EligibleNeeds).HasMaxLength(4000);
        b.Property(a => a.IndicativeWeeklyPence).HasColumnName("indicative_weekly_pence");
        b.Property(a => a.SignUpChecklistDone).HasMaxLength(400);
        b.Property(a => a.SuspendedReason).HasMaxLength(2000);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.CouncilId, a.Reference }).IsUnique();
        b.HasIndex(a => new { a.CouncilId, a.ExternalReference }).IsUnique();
        b.HasIndex(a => new { a.CouncilId, a.Stage });
        b.HasIndex(a => a.PersonId);
        b.HasOne<Council>().WithMany().HasForeignKey(a => a.CouncilId);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId);
        b.HasOne<AllocationToolVersion>().WithMany().HasForeignKey(a => a.AllocationToolVersionId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.SupportOrganisationId);
    }
}

internal sealed class ArrangementTransitionConfiguration : IEntityTypeConfiguration<ArrangementTransition>
{
    public void Configure(EntityTypeBuilder<ArrangementTransition> b)
    {
        b.Property(t => t.From).HasConversion<string>().HasMaxLength(40);
        b.Property(t => t.To).HasConversion<string>().HasMaxLength(40);
        b.Property(t => t.ActorName).HasMaxLength(200);
        b.Property(t => t.Reason).HasMaxLength(2000);
        b.HasIndex(t => new { t.ArrangementId, t.OccurredAt });
        b.HasOne<Arrangement>().WithMany().HasForeignKey(t => t.ArrangementId);
    }
}

internal sealed class SupportPlanConfiguration : IEntityTypeConfiguration<SupportPlan>
{
    public void Configure(EntityTypeBuilder<SupportPlan> b)
    {
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.ContingencyPlan).HasMaxLength(4000);
        b.Property(p => p.CircleOfSupport).HasMaxLength(4000);
        b.Property(p => p.CanBeUsedFor).HasMaxLength(4000);
        b.Property(p => p.AgreedByName).HasMaxLength(200);
        b.Property(p => p.ConcurrencyToken).IsConcurrencyToken();
        b.Ignore(p => p.WeeklyTotal);
        b.HasIndex(p => new { p.ArrangementId, p.Version }).IsUnique();
        b.HasOne<Arrangement>().WithMany().HasForeignKey(p => p.ArrangementId);
        b.HasMany(p => p.Outcomes).WithOne().HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Costs).WithOne().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanOutcomeConfiguration : IEntityTypeConfiguration<PlanOutcome>
{
    public void Configure(EntityTypeBuilder<PlanOutcome> b)
    {
        // The application sets ids, so a row added to a loaded parent's list is inserted, not updated.
        b.Property(o => o.Id).ValueGeneratedNever();
        b.ToTable("plan_outcomes");
        b.Property(o => o.InTheirWords).HasMaxLength(1000);
        b.Property(o => o.HowItIsMet).HasMaxLength(2000);
    }
}

internal sealed class PlanCostConfiguration : IEntityTypeConfiguration<PlanCost>
{
    public void Configure(EntityTypeBuilder<PlanCost> b)
    {
        // The application sets ids, so a row added to a loaded parent's list is inserted, not updated.
        b.Property(c => c.Id).ValueGeneratedNever();
        b.ToTable("plan_costs");
        b.Property(c => c.Category).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.Description).HasMaxLength(300);
    }
}

internal sealed class PlanCommentConfiguration : IEntityTypeConfiguration<PlanComment>
{
    public void Configure(EntityTypeBuilder<PlanComment> b)
    {
        b.Property(c => c.AuthorName).HasMaxLength(200);
        b.Property(c => c.Text).HasMaxLength(2000);
        b.HasIndex(c => new { c.PlanId, c.PostedAt });
        b.HasOne<SupportPlan>().WithMany().HasForeignKey(c => c.PlanId);
    }
}

internal sealed class SuitabilityDecisionConfiguration : IEntityTypeConfiguration<SuitabilityDecision>
{
    public void Configure(EntityTypeBuilder<SuitabilityDecision> b)
    {
        b.Property(d => d.FactsJson).HasMaxLength(8000);
        b.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(40);
        b.Property(d => d.RefusalReason).HasConversion<string>().HasMaxLength(60);
        b.Property(d => d.Reasons).HasMaxLength(4000);
        b.Property(d => d.DecidedByName).HasMaxLength(200);
        b.Property(d => d.ReconsiderationRequest).HasMaxLength(4000);
        b.HasIndex(d => new { d.ArrangementId, d.RecordedAt });
        b.HasOne<Arrangement>().WithMany().HasForeignKey(d => d.ArrangementId);
    }
}

internal sealed class AllocationToolVersionConfiguration : IEntityTypeConfiguration<AllocationToolVersion>
{
    public void Configure(EntityTypeBuilder<AllocationToolVersion> b)
    {
        b.Property(v => v.CreatedByName).HasMaxLength(200);
        b.Property(v => v.Notes).HasMaxLength(2000);
        b.HasIndex(v => new { v.CouncilId, v.Version }).IsUnique();
        b.HasOne<Council>().WithMany().HasForeignKey(v => v.CouncilId);
        b.HasMany(v => v.Rates).WithOne().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AllocationRateConfiguration : IEntityTypeConfiguration<AllocationRate>
{
    public void Configure(EntityTypeBuilder<AllocationRate> b)
    {
        // The application sets ids, so a row added to a loaded parent's list is inserted, not updated.
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.AgeBand).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.NeedLevel).HasConversion<string>().HasMaxLength(40);
        b.HasIndex(r => new { r.VersionId, r.AgeBand, r.NeedLevel }).IsUnique();
    }
}

internal sealed class FundingDecisionConfiguration : IEntityTypeConfiguration<FundingDecision>
{
    public void Configure(EntityTypeBuilder<FundingDecision> b)
    {
        b.Property(d => d.SufficiencyReasons).HasMaxLength(4000);
        b.Property(d => d.Basis).HasConversion<string>().HasMaxLength(40);
        b.Property(d => d.Frequency).HasConversion<string>().HasMaxLength(40);
        b.Property(d => d.ProposedByName).HasMaxLength(200);
        b.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(40);
        b.Property(d => d.DecisionReasons).HasMaxLength(4000);
        b.Property(d => d.DecidedByName).HasMaxLength(200);
        b.Ignore(d => d.IsOverturn);
        b.HasIndex(d => new { d.ArrangementId, d.ProposedAt });
        b.HasOne<Arrangement>().WithMany().HasForeignKey(d => d.ArrangementId);
        b.HasOne<SupportPlan>().WithMany().HasForeignKey(d => d.PlanId);
    }
}

internal sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> b)
    {
        b.ToTable("agreement_versions");
        b.Property(v => v.Status).HasConversion<string>().HasMaxLength(40);
        b.Property(v => v.TextHash).HasMaxLength(64);
        b.HasIndex(v => new { v.ArrangementId, v.Version }).IsUnique();
        b.HasOne<Arrangement>().WithMany().HasForeignKey(v => v.ArrangementId);
        b.HasOne<SupportPlan>().WithMany().HasForeignKey(v => v.PlanId);
        b.HasOne<FundingDecision>().WithMany().HasForeignKey(v => v.FundingDecisionId);
        b.HasMany(v => v.Signatures).WithOne().HasForeignKey(s => s.AgreementVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementSignatureConfiguration : IEntityTypeConfiguration<AgreementSignature>
{
    public void Configure(EntityTypeBuilder<AgreementSignature> b)
    {
        // The application sets ids, so a row added to a loaded parent's list is inserted, not updated.
        b.Property(s => s.Id).ValueGeneratedNever();
        b.ToTable("agreement_signatures");
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(s => s.TypedName).HasMaxLength(200);
        b.Property(s => s.AccountName).HasMaxLength(200);
        b.Property(s => s.Confirmation).HasMaxLength(400);
        b.Property(s => s.SignedHash).HasMaxLength(64);
        // One signature per side per version: the index decides if two people sign at once.
        b.Property(s => s.Side).HasMaxLength(20);
        b.HasIndex(s => new { s.AgreementVersionId, s.Side }).IsUnique();
    }
}

internal sealed class CaseTaskConfiguration : IEntityTypeConfiguration<CaseTask>
{
    public void Configure(EntityTypeBuilder<CaseTask> b)
    {
        b.ToTable("tasks");
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(t => t.Notes).HasMaxLength(2000);
        b.Property(t => t.CompletedByName).HasMaxLength(200);
        b.Property(t => t.Outcome).HasMaxLength(4000);
        b.Ignore(t => t.IsOpen);
        b.HasIndex(t => new { t.CouncilId, t.CompletedOn, t.DueOn });
        b.HasIndex(t => new { t.ArrangementId, t.Kind });
        b.HasOne<Arrangement>().WithMany().HasForeignKey(t => t.ArrangementId);
        b.HasOne<Person>().WithMany().HasForeignKey(t => t.PersonId);
        b.HasOne<Team>().WithMany().HasForeignKey(t => t.TeamId);
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.Property(r => r.WhatIsWorking).HasMaxLength(4000);
        b.Property(r => r.WhatIsNotWorking).HasMaxLength(4000);
        b.Property(r => r.ChangesAgreed).HasMaxLength(4000);
        b.Property(r => r.RecordedByName).HasMaxLength(200);
        b.HasIndex(r => new { r.ArrangementId, r.HeldOn });
        b.HasOne<Arrangement>().WithMany().HasForeignKey(r => r.ArrangementId);
        b.HasOne<CaseTask>().WithMany().HasForeignKey(r => r.TaskId);
    }
}
