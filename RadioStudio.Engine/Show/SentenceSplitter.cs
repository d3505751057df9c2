using System.Text;

namespace RadioStudio.Engine.Show;

/// <summary>
/// Cuts a streamed LLM reply into sentences for TTS, so the caller starts speaking before the reply is finished.
/// A sentence is released as soon as its terminator is followed by whitespace (or, after an abbreviation such as
/// "etc." or an ellipsis, by the next word, whose capital decides); titles and initials (Dr., St., J.), decimals
/// and bracketed or *asterisked* text never split (see <see cref="SentenceBoundaries"/>). A terminator that ends
/// a sentence whatever follows (<c>!</c>, <c>?</c>, or <c>.</c> after an ordinary word, outside brackets and quotes:
/// <see cref="SentenceBoundaries.EndsNow"/>) releases it with the token that brought it, without waiting one token
/// for the whitespace; terminators or closing quotes the next token then starts with ("?!", ".'") are dropped.
/// A sentence shorter than <see cref="MinimumWords"/> ("Oh.", "Yeah, no.") is held and sent together with the
/// next one, so TTS never speaks a clipped fragment on its own; whatever is left goes out with <see cref="Flush"/>.
/// Not thread-safe: one splitter per reply.
/// </summary>
public sealed class SentenceSplitter
{
    private readonly StringBuilder _buffer = new();
    private bool _releasedEarly;

    /// <summary>Sentences with fewer words are merged into the next one (default 3).</summary>
    public int MinimumWords { get; init; } = 3;

    /// <summary>Adds one streamed token; returns the sentences it completed (often none).</summary>
    public IReadOnlyList<string> Append(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (_releasedEarly)
        {
            // The sentence already went at its terminator: trailing "!" or a closing quote would start the next one.
            var skip = 0;
            while (skip < token.Length && SentenceBoundaries.IsTrailing(token[skip]))
            {
                skip++;
            }

            token = token[skip..];
            _releasedEarly = token.Length == 0;
        }

        _buffer.Append(token);
        var text = _buffer.ToString();
        List<string>? sentences = null;
        var released = 0;
        var scan = 0;
        while (scan < text.Length)
        {
            var end = SentenceBoundaries.Find(text, scan, final: false);
            if (end < 0)
            {
                break;
            }

            scan = end;
            var sentence = text[released..end].Trim();
            if (WordCount(sentence) >= MinimumWords)
            {
                (sentences ??= []).Add(sentence);
                released = end;
            }
        }

        if (released < text.Length && SentenceBoundaries.EndsNow(text))
        {
            var sentence = text[released..].Trim();
            if (WordCount(sentence) >= MinimumWords)
            {
                (sentences ??= []).Add(sentence);
                released = text.Length;
                _releasedEarly = true;
            }
        }

        _buffer.Remove(0, released);
        return sentences ?? (IReadOnlyList<string>)[];
    }

    /// <summary>Ends the reply: returns what is left (held short sentences and any unterminated text), or "".</summary>
    public string Flush()
    {
        var rest = _buffer.ToString().Trim();
        _buffer.Clear();
        _releasedEarly = false;
        return rest;
    }

    private static int WordCount(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
