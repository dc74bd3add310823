using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DirectPayments.Web.Platform.GovUk;

/// <summary>
/// Binds a <see cref="DateOnly"/> (or <c>DateOnly?</c>) from the three fields <c>Prop.Day</c>, <c>Prop.Month</c>
/// and <c>Prop.Year</c> that <see cref="DateInputTagHelper"/> renders. All three empty binds null, leaving the
/// page to say the date is required. A missing part is reported on that part ("Date of birth must include a
/// month"); a date that does not exist, such as 31 2 2026, on the property ("Date of birth must be a real date").
/// </summary>
public sealed class DateOnlyModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var name = bindingContext.ModelName;
        var values = DateInputTagHelper.DateParts
            .Select(p => (p.Suffix, Key: $"{name}.{p.Suffix}", Raw: bindingContext.ValueProvider.GetValue($"{name}.{p.Suffix}")))
            .ToList();
        if (values.All(v => v.Raw == ValueProviderResult.None))
        {
            // Nothing posted under Prop.Day and so on: fall back to a single ISO value such as a query string.
            var single = bindingContext.ValueProvider.GetValue(name);
            if (single != ValueProviderResult.None)
            {
                bindingContext.ModelState.SetModelValue(name, single);
                if (DateOnly.TryParseExact(single.FirstValue, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
                {
                    bindingContext.Result = ModelBindingResult.Success(iso);
                }
                else if (!string.IsNullOrWhiteSpace(single.FirstValue))
                {
                    bindingContext.ModelState.TryAddModelError(name, $"{DisplayName(bindingContext)} must be a real date");
                    bindingContext.Result = ModelBindingResult.Failed();
                }
            }
            return Task.CompletedTask;
        }

        foreach (var (_, key, raw) in values)
        {
            bindingContext.ModelState.SetModelValue(key, raw);
            // Validation only visits the property's own key, so a part left unvalidated would make
            // ModelState.IsValid false for a good date. An error added below still marks its part invalid.
            bindingContext.ModelState.MarkFieldValid(key);
        }
        var texts = values.Select(v => v.Raw.FirstValue?.Trim() ?? "").ToList();
        var label = DisplayName(bindingContext);
        if (texts.All(t => t.Length == 0))
        {
            bindingContext.Result = bindingContext.ModelMetadata.IsReferenceOrNullableType
                ? ModelBindingResult.Success(null)
                : ModelBindingResult.Failed();
            return Task.CompletedTask;
        }

        var missing = Enumerable.Range(0, values.Count).Where(i => texts[i].Length == 0).ToList();
        if (missing.Count > 0)
        {
            var words = missing.Select(i => values[i].Suffix.ToLowerInvariant()).ToList();
            var message = new StringBuilder(label).Append(" must include a ");
            message.Append(words.Count == 1 ? words[0] : $"{words[0]} and {words[1]}");
            bindingContext.ModelState.TryAddModelError(values[missing[0]].Key, message.ToString());
            bindingContext.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }

        var numbers = texts.Select(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null).ToList();
        if (numbers is [{ } day, { } month, { } year]
            && year is >= 1000 and <= 9999
            && month is >= 1 and <= 12
            && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            bindingContext.Result = ModelBindingResult.Success(new DateOnly(year, month, day));
            return Task.CompletedTask;
        }
        bindingContext.ModelState.TryAddModelError(name, $"{label} must be a real date");
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }

    /// <summary>"DateOfBirth" becomes "Date of birth" unless the property has a display name.</summary>
    private static string DisplayName(ModelBindingContext bindingContext)
    {
        var metadata = bindingContext.ModelMetadata;
        if (metadata.DisplayName is { Length: > 0 } displayName)
        {
            return displayName;
        }
        var property = metadata.PropertyName ?? bindingContext.FieldName;
        var words = new StringBuilder();
        foreach (var c in property)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : c);
            }
        }
        return words.ToString();
    }
}

/// <summary>
/// Uses <see cref="DateOnlyModelBinder"/> for every <see cref="DateOnly"/> and <c>DateOnly?</c>.
/// Register with <c>options.ModelBinderProviders.Insert(0, new DateOnlyModelBinderProvider())</c>.
/// </summary>
public sealed class DateOnlyModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type == typeof(DateOnly) ? new DateOnlyModelBinder() : null;
    }
}
