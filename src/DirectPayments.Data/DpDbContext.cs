using System.Linq.Expressions;
using DirectPayments.Data.Platform;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Domain.Platform.Audit;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DirectPayments.Data;

/// <summary>
/// The platform's database. Two derived contexts, <see cref="SqliteDpContext"/> and
/// <see cref="PostgresDpContext"/>, carry one set of migrations each. Every tenant-owned entity is
/// filtered to the acting council, and every save seals its audit entries into the council's chain
/// in the same transaction as the change they describe.
/// </summary>
public abstract class DpDbContext : IdentityUserContext<AppUser, Guid>, IDataProtectionKeyContext
{
    private readonly ActorContext _actor;
    private readonly TimeProvider _clock;

    protected DpDbContext(DbContextOptions options, ActorContext actor, TimeProvider clock)
        : base(options)
    {
        _actor = actor;
        _clock = clock;
    }

    public DbSet<Council> Councils => Set<Council>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationContract> OrganisationContracts => Set<OrganisationContract>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonAccess> PersonAccess => Set<PersonAccess>();
    public DbSet<Arrangement> Arrangements => Set<Arrangement>();
    public DbSet<ArrangementTransition> ArrangementTransitions => Set<ArrangementTransition>();
    public DbSet<SupportPlan> SupportPlans => Set<SupportPlan>();
    public DbSet<PlanComment> PlanComments => Set<PlanComment>();
    public DbSet<SuitabilityDecision> SuitabilityDecisions => Set<SuitabilityDecision>();
    public DbSet<AllocationToolVersion> AllocationToolVersions => Set<AllocationToolVersion>();
    public DbSet<FundingDecision> FundingDecisions => Set<FundingDecision>();
    public DbSet<AgreementVersion> AgreementVersions => Set<AgreementVersion>();
    public DbSet<CaseTask> Tasks => Set<CaseTask>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<DpAccount> DpAccounts => Set<DpAccount>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<PaymentSchedule> PaymentSchedules => Set<PaymentSchedule>();
    public DbSet<PaymentRun> PaymentRuns => Set<PaymentRun>();
    public DbSet<PaymentRunLine> PaymentRunLines => Set<PaymentRunLine>();
    public DbSet<StatementImport> StatementImports => Set<StatementImport>();
    public DbSet<ColumnMap> ColumnMaps => Set<ColumnMap>();
    public DbSet<CategoryRule> CategoryRules => Set<CategoryRule>();
    public DbSet<EntryNote> EntryNotes => Set<EntryNote>();
    public DbSet<Receipt> Receipts => Set<Receipt>();
    public DbSet<MonitoringSettings> MonitoringSettings => Set<MonitoringSettings>();
    public DbSet<MoneyFlag> MoneyFlags => Set<MoneyFlag>();
    public DbSet<Reclaim> Reclaims => Set<Reclaim>();
    public DbSet<AuditSample> AuditSamples => Set<AuditSample>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<SpendingPolicy> SpendingPolicies => Set<SpendingPolicy>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    public ActorContext Actor => _actor;

    /// <summary>The council every tenant-owned query is filtered to; no council means no rows.</summary>
    public Guid CurrentCouncilId => _actor.CouncilId ?? Guid.Empty;

    /// <summary>Whether this database is PostgreSQL (otherwise SQLite).</summary>
    public abstract bool IsPostgres { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DpDbContext).Assembly);
        builder.Entity<AppUser>().ToTable("users");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("user_tokens");

        var utc = new ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        var utcNullable = new ValueConverter<DateTime?, DateTime?>(v => v, v => v == null ? null : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            foreach (var property in entityType.GetProperties())
            {
                if (property.ClrType == typeof(DateTime))
                {
                    property.SetValueConverter(utc);
                }
                else if (property.ClrType == typeof(DateTime?))
                {
                    property.SetValueConverter(utcNullable);
                }
            }

            // One loop gives every tenant-owned entity its council filter (DESIGN.md section 2).
            if (typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType))
            {
                var parameter = Expression.Parameter(entityType.ClrType, "e");
                var filter = Expression.Lambda(
                    Expression.Equal(
                        Expression.Property(parameter, nameof(ITenantOwned.CouncilId)),
                        Expression.Property(Expression.Constant(this), nameof(CurrentCouncilId))),
                    parameter);
                builder.Entity(entityType.ClrType).HasQueryFilter(filter);
            }
        }
    }

    /// <summary>Records that someone did something that is not a change to a row, such as viewing a person's record.</summary>
    public void RecordAudit(string action, string recordType, string recordId, Guid? personId = null, string? reason = null, string? details = null)
    {
        if (_actor.CouncilId is not { } councilId)
        {
            throw new InvalidOperationException("An audit entry needs a council: none is chosen for this unit of work.");
        }
        AuditEntries.Add(NewEntry(councilId, action, recordType, recordId, personId, reason ?? _actor.Reason, details));
    }

    /// <summary>Records an event for a user who is not tied to the acting council (for example a sign-in), in the given council's trail.</summary>
    public void RecordAuditIn(Guid councilId, string action, string recordType, string recordId, string? details = null) =>
        AuditEntries.Add(NewEntry(councilId, action, recordType, recordId, null, _actor.Reason, details));

    private AuditEntry NewEntry(Guid councilId, string action, string recordType, string recordId, Guid? personId, string? reason, string? details) => new()
    {
        Id = Guid.CreateVersion7(_clock.GetUtcNow()),
        CouncilId = councilId,
        OccurredAt = _clock.GetUtcNow().UtcDateTime,
        ActorUserId = _actor.UserId,
        Actor = _actor.Actor,
        ActorRole = _actor.Role?.ToString(),
        Action = action,
        RecordType = recordType,
        RecordId = recordId,
        PersonId = personId,
        Reason = reason,
        Details = details,
        PreviousHash = "",
        Hash = "",
    };

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareChanges();
        if (!ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added))
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        var owned = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        try
        {
            SealAuditEntries();
            var count = base.SaveChanges(acceptAllChangesOnSuccess);
            owned?.Commit();
            return count;
        }
        finally
        {
            owned?.Dispose();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareChanges();
        if (!ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            SealAuditEntries();
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }
            return count;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    /// <summary>Applies the tenancy rules to what is about to be saved and writes audit entries for changed rows.</summary>
    private void PrepareChanges()
    {
        ChangeTracker.DetectChanges();
        var changes = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in changes)
        {
            if (entry.Entity is ITenantOwned owned)
            {
                if (entry.State == EntityState.Added && owned.CouncilId == Guid.Empty)
                {
                    owned.CouncilId = _actor.CouncilId
                        ?? throw new InvalidOperationException($"A new {entry.Metadata.ClrType.Name} needs a council: none is chosen for this unit of work.");
                }
                if (_actor.CouncilId is { } acting && owned.CouncilId != acting && entry.Entity is not AuditEntry)
                {
                    throw new InvalidOperationException($"Refused to save a {entry.Metadata.ClrType.Name} belonging to another council.");
                }
            }
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                switch (entry.Entity)
                {
                    case Person person:
                        person.Version = Guid.NewGuid();
                        break;
                    case Arrangement arrangement:
                        arrangement.Version = Guid.NewGuid();
                        break;
                    case SupportPlan plan:
                        plan.ConcurrencyToken = Guid.NewGuid();
                        break;
                    case DpAccount account:
                        account.Version = Guid.NewGuid();
                        break;
                    default:
                        break;
                }
            }
            AuditRowChange(entry);
        }
    }

    private void AuditRowChange(EntityEntry entry)
    {
        // Ledger entries are audited by what posts them (one entry per import, run or reclaim, with
        // its totals), not row by row: an import may post a million of them.
        if (entry.Entity is AuditEntry or DataProtectionKey or LedgerEntry or JobRun || !IsAudited(entry.Entity, out var councilId))
        {
            return;
        }
        var verb = entry.State switch
        {
            EntityState.Added => "created",
            EntityState.Deleted => "deleted",
            _ => "updated",
        };
        var fields = entry.State == EntityState.Modified
            ? entry.Properties.Where(p => p.IsModified && !IgnoredInAudit.Contains(p.Metadata.Name)).Select(p => p.Metadata.Name).ToList()
            : [];
        if (entry.State == EntityState.Modified && fields.Count == 0)
        {
            return;
        }
        var type = entry.Metadata.ClrType.Name;
        var id = entry.Properties.First(p => p.Metadata.IsPrimaryKey()).CurrentValue?.ToString() ?? "";
        var personId = entry.Entity switch
        {
            Person p => p.Id,
            PersonAccess a => a.PersonId,
            Arrangement a => a.PersonId,
            CaseTask t => t.PersonId,
            DpAccount a => a.PersonId,
            _ => (Guid?)null,
        };
        var action = $"{char.ToLowerInvariant(type[0])}{type[1..]}.{verb}";
        AuditEntries.Add(NewEntry(councilId, action, type, id, personId, _actor.Reason,
            fields.Count > 0 ? "Changed: " + string.Join(", ", fields) : null));
    }

    private static readonly HashSet<string> IgnoredInAudit =
    [
        nameof(Person.Version), nameof(SupportPlan.ConcurrencyToken), nameof(AppUser.ConcurrencyStamp), nameof(AppUser.SecurityStamp), nameof(ApiKey.LastUsedAt),
        nameof(AppUser.AccessFailedCount), nameof(AppUser.LockoutEnd),
    ];

    private bool IsAudited(object entity, out Guid councilId)
    {
        switch (entity)
        {
            case ITenantOwned owned:
                councilId = owned.CouncilId;
                return true;
            case AppUser user when (user.CouncilId ?? _actor.CouncilId) is { } council:
                councilId = council;
                return true;
            // Rows that belong to a tenant-owned parent are audited in the acting council's trail.
            case PlanOutcome or PlanCost or AllocationRate or AgreementSignature when _actor.CouncilId is { } acting:
                councilId = acting;
                return true;
            default:
                councilId = Guid.Empty;
                return false;
        }
    }

    /// <summary>
    /// Gives each new audit entry its place in its council's chain. On PostgreSQL a transaction-scoped
    /// advisory lock per council serialises writers across web nodes; on SQLite the database has one
    /// writer at a time. Either way the unique (council, sequence) index refuses a fork.
    /// </summary>
    private void SealAuditEntries()
    {
        var pending = ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .OrderBy(e => e.OccurredAt)
            .ThenBy(e => e.Id)
            .ToList();
        foreach (var council in pending.GroupBy(e => e.CouncilId))
        {
            if (IsPostgres)
            {
                var key = BitConverter.ToInt64(council.Key.ToByteArray(), 0);
                Database.ExecuteSql($"SELECT pg_advisory_xact_lock({key})");
            }
            var last = AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.CouncilId == council.Key)
                .OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash })
                .FirstOrDefault();
            var sequence = last?.Sequence ?? 0;
            var hash = last?.Hash ?? AuditChain.Genesis;
            foreach (var entry in council)
            {
                AuditChain.Seal(entry, sequence, hash);
                sequence = entry.Sequence;
                hash = entry.Hash;
            }
        }
    }
}

/// <summary>The SQLite database: the zero set-up default, a file under data/.</summary>
public sealed class SqliteDpContext(DbContextOptions<SqliteDpContext> options, ActorContext actor, TimeProvider clock)
    : DpDbContext(options, actor, clock)
{
    public override bool IsPostgres => false;
}

/// <summary>The PostgreSQL database, for production and CI.</summary>
public sealed class PostgresDpContext(DbContextOptions<PostgresDpContext> options, ActorContext actor, TimeProvider clock)
    : DpDbContext(options, actor, clock)
{
    public override bool IsPostgres => true;
}
