using RadioStudio.Tests.Support.Models;

namespace RadioStudio.Tests.Engine.Speech.Whisper;

/// <summary>A generated random-weight Whisper model in a temporary data folder's <c>models/</c>, written once per test class.</summary>
public sealed class WhisperModelFixture : IDisposable
{
    public WhisperModelFixture()
    {
        DataFolder = Directory.CreateTempSubdirectory("radiostudio-whisper-").FullName;
        Directory.CreateDirectory(Path.Combine(DataFolder, "models"));
        ModelPath = Path.Combine(DataFolder, "models", "ggml-random.en.bin");
        GgmlWhisperModelWriter.Write(ModelPath);
    }

    /// <summary>A data folder whose <c>models/</c> holds the generated model.</summary>
    public string DataFolder { get; }

    /// <summary>The generated model file.</summary>
    public string ModelPath { get; }

    public void Dispose() => Directory.Delete(DataFolder, recursive: true);
}
