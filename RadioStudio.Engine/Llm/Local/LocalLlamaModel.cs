using LLama;
using LLama.Common;

namespace RadioStudio.Engine.Llm.Local;

/// <summary>
/// One GGUF chat model loaded once by LLamaSharp (llama.cpp, CPU) and shared: every request gets its own
/// context from a stateless executor, and <see cref="Gate"/> bounds how many run at once.
/// </summary>
public sealed class LocalLlamaModel : IDisposable
{
    private LocalLlamaModel(string path, long bytes, LLamaWeights weights, ModelParams parameters, int maxConcurrency)
    {
        Path = path;
        Bytes = bytes;
        Weights = weights;
        Parameters = parameters;
        Gate = new SemaphoreSlim(maxConcurrency, maxConcurrency);
    }

    /// <summary>The model file.</summary>
    public string Path { get; }

    /// <summary>The file's size.</summary>
    public long Bytes { get; }

    /// <summary>The file name, for labels and logs.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    internal LLamaWeights Weights { get; }

    internal ModelParams Parameters { get; }

    internal SemaphoreSlim Gate { get; }

    /// <summary>Loads <paramref name="path"/>; a missing or unreadable file throws <see cref="LocalModelException"/>.</summary>
    public static LocalLlamaModel Load(string path, int contextSize, int threads, int maxConcurrency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new LocalModelException($"The local model '{path}' does not exist: put a GGUF chat model there (see docs/ai-callers.md).");
        }

        var parameters = new ModelParams(file.FullName)
        {
            ContextSize = (uint)contextSize,
            GpuLayerCount = 0,
            Threads = threads,
            BatchThreads = threads,
        };
        try
        {
            var weights = LLamaWeights.LoadFromFile(parameters);
            return new LocalLlamaModel(file.FullName, file.Length, weights, parameters, Math.Max(1, maxConcurrency));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new LocalModelException($"The local model '{path}' could not be loaded ({e.Message}): is it a complete GGUF chat model?", e);
        }
    }

    /// <summary>Frees the weights.</summary>
    public void Dispose()
    {
        Weights.Dispose();
        Gate.Dispose();
    }
}
