namespace DirectPayments.Domain.Platform;

/// <summary>
/// One run of a scheduled job for one time slot. The slot is unique per job, so when two web nodes
/// tick at once only the node whose row is written runs the job (DESIGN.md section 4).
/// </summary>
public sealed class JobRun
{
    public Guid Id { get; set; }

    public required string Job { get; set; }

    /// <summary>The start of the period the run is for, in UTC, such as 02:00 on a day for a nightly job.</summary>
    public DateTime Slot { get; set; }

    public required string Node { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>What the run did, in a sentence, or why it failed.</summary>
    public string? Outcome { get; set; }
}
