using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.Speech.Whisper;

/// <summary>
/// Builds the local Whisper recogniser for <see cref="SpeechProviders"/>: finds the model (configured path or the
/// data folder's <c>models/</c>), loads it once through <see cref="WhisperModelCache"/>, and keeps the
/// <see cref="Status"/> the settings page and start-up banner show.
/// </summary>
public sealed class LocalWhisper(string? dataFolder, ILogger logger) : IDisposable
{
    private readonly WhisperModelCache _cache = new();

    /// <summary>The data folder whose <c>models/</c> is searched; null searches nothing.</summary>
    public string? DataFolder { get; } = dataFolder;

    /// <summary>The model in use (or why none is).</summary>
    public WhisperModelStatus Status { get; private set; } = new(null, 0, "no Whisper model configured");

    /// <summary>
    /// The Whisper recogniser for <paramref name="options"/>. With <paramref name="required"/> false (provider
    /// <c>offline</c>) it returns null when no model is configured or found, so pocketsphinx answers alone.
    /// </summary>
    public WhisperSpeechToText? Create(SpeechToTextProviderOptions options, bool required)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new WhisperSettings(options.Language, options.Threads, options.FitAudioContext);
        var path = DataFolder is null && string.IsNullOrWhiteSpace(options.ModelPath)
            ? null
            : WhisperModelLocator.Find(options.ModelPath, DataFolder ?? Environment.CurrentDirectory);

        if (path is null)
        {
            var where = DataFolder is null ? "SpeechToText:ModelPath is empty" : $"SpeechToText:ModelPath is empty and {Path.Combine(DataFolder, WhisperModelLocator.ModelsFolder)} holds no ggml-*.bin";
            Status = new WhisperModelStatus(null, 0, where);
            if (required)
            {
                WhisperLog.NoModel(logger, where);
            }

            return required ? new WhisperSpeechToText(null, where, settings) : null;
        }

        try
        {
            var model = _cache.Get(path, options.MaxConcurrency);
            Status = new WhisperModelStatus(model.Path, model.Bytes, null);
            WhisperLog.Loaded(logger, model.Name, model.Bytes / 1_000_000.0, settings.Threads);
            return new WhisperSpeechToText(model, null, settings);
        }
        catch (SpeechProviderException e)
        {
            Status = new WhisperModelStatus(path, 0, e.Message);
            WhisperLog.LoadFailed(logger, path, e.Message, e);
            return new WhisperSpeechToText(null, e.Message, settings);
        }
    }

    /// <summary>Frees the loaded models.</summary>
    public void Dispose() => _cache.Dispose();
}
