using System.Text;

namespace RadioStudio.Engine.Studio;

/// <summary>
/// Makes text from the network safe for a log line or the console's event log: control characters (newlines,
/// ESC, BEL…) become visible <c>\n</c>/<c>\u001B</c> escapes, so nobody can forge log lines or terminal output,
/// and long values are cut.
/// </summary>
public static class LogText
{
    /// <summary>Longest untrusted value written to a log.</summary>
    public const int MaxLength = 200;

    /// <summary>The escaped text, cut at <see cref="MaxLength"/>.</summary>
    public static string Escape(string? value) => Escape(value, MaxLength);

    /// <summary>The escaped text, cut at <paramref name="maxLength"/> characters.</summary>
    public static string Escape(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? "";
        }

        var cut = value.Length > maxLength;
        var source = cut ? value.AsSpan(0, maxLength) : value.AsSpan();
        if (!cut && !NeedsEscape(source))
        {
            return value;
        }

        var builder = new StringBuilder(source.Length + 16);
        foreach (var c in source)
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return cut ? builder.Append('…').ToString() : builder.ToString();
    }

    private static bool NeedsEscape(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }
}
