using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using RadioStudio.Engine.Speech;

namespace RadioStudio.Engine.Screening;

/// <summary>
/// The screener's voice: each line synthesised whole (a voice that arrived slower than real time would leave gaps
/// a caller takes for the end of the question), through the provider gate, and kept — the greeting, the questions
/// and the closing are the same for every caller, so twelve holding callers cost one synthesis each, not twelve.
/// A failed synthesis is not kept, so the next caller tries again.
/// </summary>
internal sealed class ScreenerVoice(ITextToSpeech speech, ScreeningProviderGate gate, string? voice)
{
    private const int MaxKept = 64;
    private readonly ConcurrentDictionary<string, Lazy<Task<SpeechAudioChunk>>> _kept = new(StringComparer.Ordinal);

    /// <summary>The line's audio, synthesised once.</summary>
    public async Task<SpeechAudioChunk> SpeakAsync(string text, CancellationToken cancellationToken)
    {
        if (_kept.Count >= MaxKept)
        {
            _kept.Clear();
        }

        // The shared synthesis is not tied to one caller's cancellation: a caller taken mid-question does not
        // cancel the line for the others waiting on it.
        var entry = _kept.GetOrAdd(text, t => new Lazy<Task<SpeechAudioChunk>>(() => SynthesizeAsync(t)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _kept.TryRemove(new KeyValuePair<string, Lazy<Task<SpeechAudioChunk>>>(text, entry));
            throw;
        }
    }

    private async Task<SpeechAudioChunk> SynthesizeAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using (await gate.EnterAsync(timeout.Token).ConfigureAwait(false))
        {
            var samples = new List<float>();
            var rate = 0;
            await foreach (var chunk in speech.SynthesizeStreamingAsync(text, new TextToSpeechOptions(voice), timeout.Token).ConfigureAwait(false))
            {
                if (rate != 0 && chunk.SampleRate != rate)
                {
                    throw new InvalidOperationException("The voice changed its sample rate mid-line.");
                }

                rate = chunk.SampleRate;
                samples.AddRange(chunk.Samples.Span);
            }

            return samples.Count == 0 ? throw new InvalidOperationException("The voice returned no audio.") : new SpeechAudioChunk(samples.ToArray(), rate);
        }
    }
}
