using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Show.Turns;

namespace RadioStudio.Tests.Support;

/// <summary>
/// A phone studio whose language model, speech-to-text and text-to-speech are all the fake OpenAI-compatible
/// server, reached through the real OpenAI client and HTTP stack; tests script its answers and latencies.
/// Auto-mode waits are zero so a test controls when turns happen.
/// </summary>
public class AiStudioFixture : PhoneStudioFixture
{
    public FakeOpenAiServer OpenAi { get; private set; } = null!;

    public AiDirector Ai => Factory.Services.GetRequiredService<AiDirector>();

    public override async Task InitializeAsync()
    {
        OpenAi = await FakeOpenAiServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await OpenAi.DisposeAsync();
    }

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        ["Llm:Provider"] = "openai",
        ["Llm:Endpoint"] = OpenAi.BaseUrl,
        ["Llm:ApiKey"] = "fake-key",
        ["Llm:Model"] = "fake-dialogue",
        ["SpeechToText:Provider"] = "openai",
        ["SpeechToText:Endpoint"] = OpenAi.BaseUrl,
        ["SpeechToText:ApiKey"] = "fake-key",
        ["SpeechToText:Model"] = "whisper-1",
        ["TextToSpeech:Provider"] = "openai",
        ["TextToSpeech:Endpoint"] = OpenAi.BaseUrl,
        ["TextToSpeech:ApiKey"] = "fake-key",
        ["AiCallers:RespondDebounceSeconds"] = "0",
        ["AiCallers:CooldownSeconds"] = "0",
        ["AiCallers:VoiceFilter"] = "",
    };
}
