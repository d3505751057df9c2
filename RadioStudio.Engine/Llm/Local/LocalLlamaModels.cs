using LLama.Native;
using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.Llm.Local;

/// <summary>
/// Finds and loads the local GGUF model for <see cref="LlmClients"/>: <c>Llm:ModelPath</c> (relative to the data
/// folder) or the smallest <c>*.gguf</c> in <c>&lt;data&gt;/models</c>; each file is loaded once per process.
/// </summary>
public sealed class LocalLlamaModels : IDisposable
{
    private static int _nativeLogRouted;
    private readonly string? _dataFolder;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LocalLlamaModel> _loaded = new(StringComparer.Ordinal);

    /// <summary>Creates the loader; models are loaded by <see cref="Create"/>.</summary>
    public LocalLlamaModels(string? dataFolder, ILogger logger)
    {
        _dataFolder = dataFolder;
        _logger = logger;
    }

    /// <summary>The chat client for <paramref name="options"/>: over the loaded model, or throwing the reason there is none.</summary>
    public LocalLlamaChatClient Create(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = Find(options.ModelPath);
        if (path is null)
        {
            var problem = $"Llm:ModelPath is empty and {System.IO.Path.Combine(_dataFolder ?? ".", "models")} holds no .gguf file";
            LocalLlmLog.NoModel(_logger, problem);
            return new LocalLlamaChatClient(null, problem);
        }

        try
        {
            lock (_lock)
            {
                if (!_loaded.TryGetValue(path, out var model))
                {
                    RouteNativeLog(_logger);
                    model = LocalLlamaModel.Load(path, options.ContextSize, options.Threads, options.MaxConcurrency);
                    _loaded[path] = model;
                    LocalLlmLog.Loaded(_logger, model.Name, model.Bytes / 1_000_000.0, options.ContextSize, options.Threads);
                }

                return new LocalLlamaChatClient(model, null);
            }
        }
        catch (LocalModelException e)
        {
            LocalLlmLog.LoadFailed(_logger, path, e.Message, e);
            return new LocalLlamaChatClient(null, e.Message);
        }
    }

    /// <summary>
    /// llama.cpp prints every tensor and buffer to stderr by default: keep its warnings and errors, in our log.
    /// Done just before the first load (never for the offline or openai providers, which need no native library).
    /// </summary>
    private static void RouteNativeLog(ILogger logger)
    {
        if (Interlocked.Exchange(ref _nativeLogRouted, 1) != 0)
        {
            return;
        }

        try
        {
            NativeLogConfig.llama_log_set((level, message) =>
            {
                if (level is LLamaLogLevel.Warning or LLamaLogLevel.Error)
                {
                    LocalLlmLog.Native(logger, message.TrimEnd());
                }
            });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new LocalModelException($"llama.cpp's native library could not be loaded: {e.Message}", e);
        }
    }

    /// <summary>Frees every loaded model.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var model in _loaded.Values)
            {
                model.Dispose();
            }

            _loaded.Clear();
        }
    }

    private string? Find(string? modelPath)
    {
        var root = _dataFolder ?? Environment.CurrentDirectory;
        if (!string.IsNullOrWhiteSpace(modelPath))
        {
            return System.IO.Path.GetFullPath(System.IO.Path.Combine(root, modelPath));
        }

        var folder = System.IO.Path.Combine(root, "models");
        return _dataFolder is null || !Directory.Exists(folder)
            ? null
            : new DirectoryInfo(folder).EnumerateFiles("*.gguf").OrderBy(f => f.Length).ThenBy(f => f.Name, StringComparer.Ordinal).Select(f => f.FullName).FirstOrDefault();
    }
}
