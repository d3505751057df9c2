using System.Text;

namespace RadioStudio.Engine.Show.WarmUp;

/// <summary>
/// What the warm-up's stand-in provider answers, in an OpenAI-compatible provider's own wire formats: a streamed
/// chat as server-sent events, a plain chat, a plain-text transcription and raw 24 kHz PCM speech, so the real
/// clients' serialisers, parsers and decoders run without a provider request or bill.
/// </summary>
internal static class CannedProviderAnswers
{
    /// <summary>What the canned model says (two sentences, so the splitter splits).</summary>
    public const string Reply = "This is the warm-up reply, in two sentences. It never goes on the air.";

    /// <summary>The answer to a request for <paramref name="path"/> with <paramref name="body"/>, or null (404).</summary>
    public static (string ContentType, byte[] Body)? For(string path, string body)
    {
        if (path.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            return body.Contains("\"stream\":true", StringComparison.Ordinal)
                ? ("text/event-stream", Encoding.UTF8.GetBytes(StreamedChat()))
                : ("application/json", Encoding.UTF8.GetBytes(PlainChat));
        }

        if (path.EndsWith("/audio/transcriptions", StringComparison.Ordinal))
        {
            return ("text/plain; charset=utf-8", "Hello there."u8.ToArray());
        }

        return path.EndsWith("/audio/speech", StringComparison.Ordinal) ? ("application/octet-stream", Speech()) : null;
    }

    private const string PlainChat =
        "{\"id\":\"w\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"warm-up\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"yes\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";

    private static string StreamedChat()
    {
        var events = new StringBuilder();
        foreach (var word in Reply.Split(' '))
        {
            events.Append(Event("{\"role\":\"assistant\",\"content\":\"" + word + " \"}", "null"));
        }

        return events.Append(Event("{}", "\"stop\"")).Append("data: [DONE]\n\n").ToString();
    }

    private static string Event(string delta, string finish) =>
        "data: {\"id\":\"w\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"warm-up\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]}\n\n";

    /// <summary>60 ms of a quiet 220 Hz tone at 24 kHz, signed 16-bit little-endian.</summary>
    private static byte[] Speech()
    {
        var pcm = new byte[1_440 * 2];
        for (var i = 0; i < pcm.Length / 2; i++)
        {
            var sample = (short)(Math.Sin(2 * Math.PI * 220 * i / 24_000.0) * 3_000);
            pcm[2 * i] = (byte)sample;
            pcm[(2 * i) + 1] = (byte)(sample >> 8);
        }

        return pcm;
    }
}
