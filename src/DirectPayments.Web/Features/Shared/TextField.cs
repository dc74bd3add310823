namespace DirectPayments.Web.Features.Shared;

/// <summary>A GOV.UK text input as the _TextField partial renders it, with its error from ModelState.</summary>
public sealed record TextField(string Name, string Label, string? Value, string Type = "text", string? Hint = null,
    string? Autocomplete = null, string? WidthClass = null, bool IsPageHeading = false, bool Spellcheck = false);
