using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectPayments.Data.Journey;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.Reference).HasMaxLength(40);
        b.Property(p => p.GivenName).HasMaxLength(100);
        b.Property(p => p.FamilyName).HasMaxLength(100);
        b.Property(p => p.Email).HasMaxLength(320);
        b.Property(p => p.Phone).HasMaxLength(40);
        b.Property(p => p.AddressLine1).HasMaxLength(200);
        b.Property(p => p.Town).HasMaxLength(100);
        b.Property(p => p.Postcode).HasMaxLength(10);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.FullName);
        b.HasIndex(p => new { p.CouncilId, p.Reference }).IsUnique();
        b.HasIndex(p => new { p.CouncilId, p.FamilyName, p.GivenName });
        b.HasOne<Council>().WithMany().HasForeignKey(p => p.CouncilId);
        b.HasOne<Team>().WithMany().HasForeignKey(p => p.TeamId);
    }
}

internal sealed class PersonAccessConfiguration : IEntityTypeConfiguration<PersonAccess>
{
    public void Configure(EntityTypeBuilder<PersonAccess> b)
    {
        b.Property(a => a.Relationship).HasConversion<string>().HasMaxLength(40);
        b.HasIndex(a => new { a.PersonId, a.UserId }).IsUnique();
        b.HasIndex(a => a.UserId);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId);
    }
}
