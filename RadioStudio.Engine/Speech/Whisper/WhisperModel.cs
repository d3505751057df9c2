using Whisper.net;

namespace RadioStudio.Engine.Speech.Whisper;

/// <summary>
/// One ggml Whisper model loaded once (<see cref="WhisperFactory.FromPath(string)"/>) and shared by every request;
/// each request gets its own processor (whisper.cpp state), and <see cref="Gate"/> bounds how many run at once.
/// </summary>
public sealed class WhisperModel : IDisposable
{
    private WhisperModel(string path, long bytes, WhisperFactory factory, int maxConcurrency)
    {
        Path = path;
        Bytes = bytes;
        Factory = factory;
        Gate = new SemaphoreSlim(maxConcurrency, maxConcurrency);
    }

    /// <summary>The model file.</summary>
    public string Path { get; }

    /// <summary>The model file's size.</summary>
    public long Bytes { get; }

    /// <summary>The file name ("ggml-tiny.en.bin"), for logs and the UI.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>Builds processors over the loaded weights.</summary>
    internal WhisperFactory Factory { get; }

    /// <summary>Bounds concurrent transcriptions (each holds its own state of some tens of MB and burns CPU).</summary>
    internal SemaphoreSlim Gate { get; }

    /// <summary>Loads <paramref name="path"/>; a missing, truncated or foreign file throws <see cref="SpeechProviderException"/>.</summary>
    public static WhisperModel Load(string path, int maxConcurrency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new SpeechProviderException($"The Whisper model '{path}' does not exist: download a ggml model (see docs/ai-callers.md).");
        }

        if (WhisperModelHeader.Problem(file.FullName) is { } problem)
        {
            throw new SpeechProviderException($"The Whisper model '{path}' could not be loaded ({problem}).");
        }

        try
        {
            var factory = WhisperFactory.FromPath(file.FullName);
            try
            {
                // FromPath defers reading the file to the first builder: load (and validate) it now, once.
                _ = factory.CreateBuilder();
            }
            catch
            {
                factory.Dispose();
                throw;
            }

            return new WhisperModel(file.FullName, file.Length, factory, Math.Max(1, maxConcurrency));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new SpeechProviderException($"The Whisper model '{path}' could not be loaded ({e.Message}): is it a complete ggml Whisper model?", e);
        }
    }

    /// <summary>Frees the weights.</summary>
    public void Dispose()
    {
        Factory.Dispose();
        Gate.Dispose();
    }
}
