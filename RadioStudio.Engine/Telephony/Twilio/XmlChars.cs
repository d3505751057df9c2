using System.Text;
using System.Xml;

namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>Characters XML 1.0 cannot carry at all (escaping does not help: most C0 controls, lone surrogates).</summary>
internal static class XmlChars
{
    /// <summary><paramref name="value"/> unchanged, or an <see cref="ArgumentException"/> naming <paramref name="paramName"/>.</summary>
    public static string Require(string value, string paramName)
    {
        var bad = NextInvalid(value, 0);
        return bad < 0
            ? value
            : throw new ArgumentException($"contains a character XML cannot carry (U+{(int)value[bad]:X4} at {bad})", paramName);
    }

    /// <summary>
    /// <paramref name="text"/> without such characters: in speech a stray control character from a configured
    /// message or a caller's name is noise, and must not turn the answer to a call into an error.
    /// </summary>
    public static string RemoveInvalid(string text)
    {
        var bad = NextInvalid(text, 0);
        if (bad < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        var from = 0;
        while (bad >= 0)
        {
            clean.Append(text, from, bad - from);
            from = bad + 1;
            bad = NextInvalid(text, from);
        }

        return clean.Append(text, from, text.Length - from).ToString();
    }

    private static int NextInvalid(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }
}
