using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Show.Turns;
using RadioStudio.Tests.Support.Models;

namespace RadioStudio.Tests.Support;

/// <summary>
/// A phone studio with no cloud at all: a generated random-weight GGUF chat model (<c>Llm:Provider=local</c>) and a
/// generated ggml Whisper model (<c>SpeechToText:Provider=whisper</c>) in its own models folder, offline voices.
/// Auto-mode waits are zero so a test controls when turns happen.
/// </summary>
public sealed class LocalModelsStudioFixture : PhoneStudioFixture
{
    private readonly string _models = Directory.CreateTempSubdirectory("radiostudio-local-models-").FullName;

    public AiDirector Ai => Factory.Services.GetRequiredService<AiDirector>();

    public override async Task InitializeAsync()
    {
        GgufLlamaModelWriter.Write(Path.Combine(_models, "random-llama.gguf"), context: 8192);
        GgmlWhisperModelWriter.Write(Path.Combine(_models, "ggml-random.en.bin"));
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_models, recursive: true);
    }

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        ["Llm:Provider"] = "local",
        ["Llm:ModelPath"] = Path.Combine(_models, "random-llama.gguf"),
        ["Llm:ContextSize"] = "8192",
        ["Llm:MaxOutputTokens"] = "24",
        ["Llm:FirstTokenTimeoutSeconds"] = "60",
        ["Llm:TimeoutSeconds"] = "120",
        ["SpeechToText:Provider"] = "whisper",
        ["SpeechToText:ModelPath"] = Path.Combine(_models, "ggml-random.en.bin"),
        ["AiCallers:RespondDebounceSeconds"] = "0",
        ["AiCallers:CooldownSeconds"] = "0",
        ["AiCallers:VoiceFilter"] = "",
    };
}
