using DirectPayments.Domain.Platform;
using DirectPayments.Domain.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectPayments.Data.Platform;

internal sealed class CouncilConfiguration : IEntityTypeConfiguration<Council>
{
    public void Configure(EntityTypeBuilder<Council> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Slug).HasMaxLength(60);
        b.Property(c => c.ServiceName).HasMaxLength(200);
        b.Property(c => c.LogoPath).HasMaxLength(300);
        b.Property(c => c.ContactEmail).HasMaxLength(320);
        b.Property(c => c.ContactPhone).HasMaxLength(40);
        b.HasIndex(c => c.Slug).IsUnique();
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b) => b.Property(o => o.Name).HasMaxLength(200);
}

internal sealed class OrganisationContractConfiguration : IEntityTypeConfiguration<OrganisationContract>
{
    public void Configure(EntityTypeBuilder<OrganisationContract> b)
    {
        b.Property(c => c.Description).HasMaxLength(300);
        b.HasOne<Council>().WithMany().HasForeignKey(c => c.CouncilId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.Property(t => t.Name).HasMaxLength(200);
        b.HasOne<Council>().WithMany().HasForeignKey(t => t.CouncilId);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.Role).HasConversion<string>().HasMaxLength(40);
        b.HasIndex(u => u.CouncilId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Actor).HasMaxLength(100);
        b.Property(a => a.ActorRole).HasMaxLength(40);
        b.Property(a => a.Action).HasMaxLength(100);
        b.Property(a => a.RecordType).HasMaxLength(100);
        b.Property(a => a.RecordId).HasMaxLength(100);
        b.Property(a => a.Reason).HasMaxLength(1000);
        b.Property(a => a.Details).HasMaxLength(2000);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        // The index, not a check before writing, decides that a chain has no forks.
        b.HasIndex(a => new { a.CouncilId, a.Sequence }).IsUnique();
        b.HasIndex(a => new { a.CouncilId, a.PersonId, a.OccurredAt });
        b.HasIndex(a => new { a.CouncilId, a.ActorUserId, a.OccurredAt });
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(k => k.Name).HasMaxLength(200);
        b.Property(k => k.Prefix).HasMaxLength(20);
        b.Property(k => k.SecretHash).HasMaxLength(64);
        b.Property(k => k.Scopes).HasMaxLength(500);
        b.Ignore(k => k.ScopeList);
        b.HasIndex(k => k.Prefix).IsUnique();
        b.HasOne<Council>().WithMany().HasForeignKey(k => k.CouncilId);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.Property(i => i.Email).HasMaxLength(320);
        b.Property(i => i.DisplayName).HasMaxLength(200);
        b.Property(i => i.Role).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasOne<Council>().WithMany().HasForeignKey(i => i.CouncilId);
    }
}
