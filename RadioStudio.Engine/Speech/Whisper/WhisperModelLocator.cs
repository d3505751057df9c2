namespace RadioStudio.Engine.Speech.Whisper;

/// <summary>Finds the Whisper model to load: the configured path, else the smallest ggml model in the data folder's <c>models/</c>.</summary>
public static class WhisperModelLocator
{
    /// <summary>The folder inside the data folder that is searched when no model path is configured.</summary>
    public const string ModelsFolder = "models";

    /// <summary>
    /// The configured <paramref name="modelPath"/> (relative paths start at <paramref name="dataFolder"/>), or the
    /// smallest <c>ggml-*.bin</c> in <c>&lt;data&gt;/models</c>, or null when there is none.
    /// </summary>
    public static string? Find(string? modelPath, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(modelPath))
        {
            return Path.GetFullPath(Path.Combine(dataFolder, modelPath));
        }

        var found = FindAll(dataFolder);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>Every ggml Whisper model in <c>&lt;data&gt;/models</c>, smallest first.</summary>
    public static IReadOnlyList<string> FindAll(string dataFolder)
    {
        var folder = Path.Combine(dataFolder, ModelsFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. new DirectoryInfo(folder).EnumerateFiles("ggml-*.bin")
            .Where(f => !f.Name.Contains("silero", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.Length)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => f.FullName)];
    }
}
