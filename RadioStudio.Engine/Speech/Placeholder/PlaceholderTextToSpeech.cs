using System.Runtime.CompilerServices;

namespace RadioStudio.Engine.Speech.Placeholder;

/// <summary>
/// The voice of last resort, when no offline speech engine is installed (neither flite nor espeak-ng): a quiet,
/// voice-pitched murmur with one syllable-like pulse per word, as long as the words would take to say. It keeps a
/// show going (turn timing, barge-in, the transcript reading along sentence by sentence) where nothing else can
/// speak; the studio says at start that it is in use and what to install.
/// </summary>
public sealed class PlaceholderTextToSpeech : ITextToSpeech
{
    /// <summary>The rate of the murmur.</summary>
    public const int SampleRate = 16_000;

    private const double SecondsPerWord = 0.32;
    private const double Level = 0.05; // about −26 dBFS: audible as "someone talking", never startling

    /// <inheritdoc />
    public SpeechProviderInfo Info { get; } = new("offline", "placeholder", IsOffline: true);

    /// <inheritdoc />
    public IReadOnlyList<VoiceInfo> Voices { get; } =
    [
        new("placeholder-male", "Placeholder (male)", VoiceGender.Male),
        new("placeholder-female", "Placeholder (female)", VoiceGender.Female),
    ];

    /// <inheritdoc />
    public async IAsyncEnumerable<SpeechAudioChunk> SynthesizeStreamingAsync(
        string text, TextToSpeechOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var pitch = options.Voice?.Contains("female", StringComparison.Ordinal) == true || options.Voice?.Contains("+f", StringComparison.Ordinal) == true ? 210.0 : 120.0;
        var perWord = (int)(SampleRate * SecondsPerWord / Math.Clamp(options.Speed, 0.5f, 2f));
        var samples = new float[words * perWord];
        for (var i = 0; i < samples.Length; i++)
        {
            var inWord = (double)(i % perWord) / perWord;
            var envelope = Math.Sin(Math.PI * Math.Min(1, inWord / 0.8)); // a pulse per word, a short gap after it
            var t = (double)i / SampleRate;
            samples[i] = (float)(Level * envelope * ((0.7 * Math.Sin(2 * Math.PI * pitch * t)) + (0.3 * Math.Sin(2 * Math.PI * 2 * pitch * t))));
        }

        await Task.CompletedTask.ConfigureAwait(false);
        yield return new SpeechAudioChunk(samples, SampleRate);
    }
}
