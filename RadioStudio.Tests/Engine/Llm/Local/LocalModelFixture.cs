using RadioStudio.Tests.Support.Models;

namespace RadioStudio.Tests.Engine.Llm.Local;

/// <summary>A generated random-weight GGUF chat model in a temporary data folder's <c>models/</c>, written once per test class.</summary>
public sealed class LocalModelFixture : IDisposable
{
    public LocalModelFixture()
    {
        DataFolder = Directory.CreateTempSubdirectory("radiostudio-gguf-").FullName;
        Directory.CreateDirectory(Path.Combine(DataFolder, "models"));
        ModelPath = Path.Combine(DataFolder, "models", "random-llama.gguf");
        GgufLlamaModelWriter.Write(ModelPath);
    }

    public string DataFolder { get; }

    public string ModelPath { get; }

    public void Dispose() => Directory.Delete(DataFolder, recursive: true);
}
