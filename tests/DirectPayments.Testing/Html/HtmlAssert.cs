namespace DirectPayments.Testing.Html;

/// <summary>Assertions on HTML that ignore formatting; see <see cref="HtmlNormaliser"/>.</summary>
public static class HtmlAssert
{
    /// <summary>Throws, showing the first difference and both outlines, unless the two fragments are equivalent.</summary>
    public static void Equivalent(string expected, string actual)
    {
        var expectedOutline = HtmlNormaliser.Normalise(expected);
        var actualOutline = HtmlNormaliser.Normalise(actual);
        if (expectedOutline == actualOutline)
        {
            return;
        }
        var expectedLines = expectedOutline.Split('\n');
        var actualLines = actualOutline.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }
        throw new HtmlMismatchException(
            $"HTML differs at outline line {line + 1}.\n" +
            $"Expected: {(line < expectedLines.Length ? expectedLines[line].Trim() : "(end)")}\n" +
            $"Actual:   {(line < actualLines.Length ? actualLines[line].Trim() : "(end)")}\n\n" +
            $"Expected outline:\n{expectedOutline}\nActual outline:\n{actualOutline}");
    }
}

/// <summary>Two HTML fragments were not equivalent.</summary>
public sealed class HtmlMismatchException(string message) : Exception(message);
