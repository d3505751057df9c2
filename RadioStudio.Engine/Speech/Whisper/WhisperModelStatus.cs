namespace RadioStudio.Engine.Speech.Whisper;

/// <summary>What the settings page and the start-up banner say about the local Whisper model.</summary>
/// <param name="Path">The model file in use or looked for; null when none was configured or found.</param>
/// <param name="Bytes">Its size when loaded.</param>
/// <param name="Problem">Why it is not loaded, or null when it is.</param>
public sealed record WhisperModelStatus(string? Path, long Bytes, string? Problem)
{
    /// <summary>True when the model is loaded and transcribes.</summary>
    public bool IsLoaded => Problem is null && Path is not null;

    /// <summary>One line: "ggml-tiny.en.bin (75 MB) loaded" or the problem.</summary>
    public string Describe() => IsLoaded
        ? $"{System.IO.Path.GetFileName(Path)} ({Bytes / 1_000_000.0:0.#} MB) loaded from {System.IO.Path.GetDirectoryName(Path)}"
        : $"not loaded: {Problem}";
}
