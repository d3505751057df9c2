using System.Runtime.CompilerServices;
using System.Text;
using RadioStudio.Engine.Speech.OpenAi;
using Whisper.net;

namespace RadioStudio.Engine.Speech.Whisper;

/// <summary>
/// Offline transcription with a local ggml Whisper model (Whisper.net over whisper.cpp, CPU). Phone audio (8 kHz)
/// is resampled to 16 kHz with the studio's polyphase resampler; the model is shared and loaded once, each request
/// builds its own processor, at most <see cref="WhisperModel.Gate"/> run at once. When no model could be loaded
/// every request throws <see cref="SpeechProviderException"/>, so the fallback decorator hands it to pocketsphinx.
/// </summary>
public sealed class WhisperSpeechToText : ISpeechToText
{
    /// <summary>whisper.cpp skips input shorter than a second; shorter segments are padded with silence.</summary>
    private const int MinimumSamples = SpeechAudioFormat.RecognitionRate * 11 / 10;

    private readonly WhisperModel? _model;
    private readonly string _problem;
    private readonly WhisperSettings _settings;

    /// <summary>Creates the provider over a loaded model, or over the reason there is none.</summary>
    public WhisperSpeechToText(WhisperModel? model, string? problem, WhisperSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _model = model;
        _problem = problem ?? "no Whisper model is loaded";
        _settings = settings;
        Info = new SpeechProviderInfo("whisper", model is null ? "no model" : $"whisper {model.Name}", IsOffline: true);
    }

    /// <inheritdoc />
    public SpeechProviderInfo Info { get; }

    /// <inheritdoc />
    public async IAsyncEnumerable<SpeechToTextUpdate> TranscribeStreamingAsync(
        SpeechSegment segment, SpeechToTextOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var text = new StringBuilder();
        await foreach (var piece in TranscribeSegmentsAsync(segment, options, cancellationToken).ConfigureAwait(false))
        {
            text.Append(text.Length > 0 && piece.Text.Length > 0 ? " " : "").Append(piece.Text);
        }

        yield return new SpeechToTextUpdate(OpenAiSpeechToText.Clean(text.ToString(), segment), IsFinal: true);
    }

    /// <summary>Transcribes one segment into Whisper's timed pieces (special tokens such as [BLANK_AUDIO] removed).</summary>
    public async IAsyncEnumerable<WhisperTranscriptSegment> TranscribeSegmentsAsync(
        SpeechSegment segment, SpeechToTextOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var model = _model ?? throw new SpeechProviderException(_problem);
        var samples = Padded(SpeechAudioFormat.To16k(segment));
        await model.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var processor = Build(model, samples.Length, options);
            await using (processor.ConfigureAwait(false))
            {
                await foreach (var piece in processor.ProcessAsync(samples, cancellationToken).ConfigureAwait(false))
                {
                    var clean = WhisperText.Clean(piece.Text);
                    if (clean.Length > 0)
                    {
                        yield return new WhisperTranscriptSegment(clean, piece.Start, piece.End);
                    }
                }
            }
        }
        finally
        {
            model.Gate.Release();
        }
    }

    private WhisperProcessor Build(WhisperModel model, int sampleCount, SpeechToTextOptions? options)
    {
        var builder = model.Factory.CreateBuilder()
            .WithThreads(_settings.Threads)
            .WithLanguage(options?.Language ?? _settings.Language ?? "auto")
            .WithNoContext();
        if (options?.Prompt is { Length: > 0 } prompt)
        {
            builder = builder.WithPrompt(prompt);
        }

        if (_settings.FitAudioContext)
        {
            builder = builder.WithAudioContextSize(WhisperText.AudioContextFor(sampleCount));
        }

        try
        {
            return builder.Build();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new SpeechProviderException($"Whisper could not start a transcription with {model.Name}: {e.Message}", e);
        }
    }

    private static float[] Padded(float[] samples)
    {
        if (samples.Length >= MinimumSamples)
        {
            return samples;
        }

        var padded = new float[MinimumSamples];
        samples.CopyTo(padded, 0);
        return padded;
    }
}
