namespace RadioStudio.Engine.Speech.Whisper;

/// <summary>
/// Loads each Whisper model file once and keeps it for the process: a reconfiguration that names the same file
/// reuses the loaded weights, and requests still running on a model never see it freed under them.
/// </summary>
public sealed class WhisperModelCache : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, WhisperModel> _models = new(StringComparer.Ordinal);

    /// <summary>The loaded model for <paramref name="path"/>, loading it on first use.</summary>
    /// <exception cref="SpeechProviderException">The file is missing or not a Whisper model.</exception>
    public WhisperModel Get(string path, int maxConcurrency)
    {
        var full = System.IO.Path.GetFullPath(path);
        lock (_lock)
        {
            if (_models.TryGetValue(full, out var model))
            {
                return model;
            }

            model = WhisperModel.Load(full, maxConcurrency);
            _models[full] = model;
            return model;
        }
    }

    /// <summary>Frees every loaded model.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var model in _models.Values)
            {
                model.Dispose();
            }

            _models.Clear();
        }
    }
}
