using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Llm;
using RadioStudio.Engine.Providers;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Studio;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Providers;

/// <summary>The whole studio twice on one data folder: AI provider choices saved on /settings survive a restart.</summary>
public sealed class AiProviderSettingsRestartTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Restart_AfterSavingOpenAiChoices_TheyOverrideAppSettingsFromTheStart()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var choices = new AiProviderChoices(
            new LlmProviderChoice("openai", server.BaseUrl, "fake-dialogue", "fake-cheap"),
            new SpeechProviderChoice("openai", server.BaseUrl, "whisper-1"),
            new SpeechProviderChoice("offline", null, null));
        await using (var first = Studio())
        {
            var settings = first.Services.GetRequiredService<IAiProviderSettings>();
            await settings.ApplyAsync(choices);
            await first.Services.GetRequiredService<StudioEngine>().WaitForAsync(s => s.Ai.Llm == "openai · fake-dialogue");
        }

        await using var second = Studio();
        var engine = second.Services.GetRequiredService<StudioEngine>();
        var llm = second.Services.GetRequiredService<LlmClients>();
        var speech = second.Services.GetRequiredService<SpeechProviders>();

        Assert.Equal(choices, engine.Current.AiProviders);
        Assert.Equal(choices, second.Services.GetRequiredService<IAiProviderSettings>().Current);
        Assert.False(llm.IsOffline);
        Assert.Equal(server.BaseUrl, llm.Options.Endpoint);
        Assert.Equal(["fake-cheap"], llm.Options.UtilityModels);
        Assert.Equal("openai", speech.SpeechToText.Info.Provider);
        var state = await engine.WaitForAsync(s => s.Ai.Llm != "offline script");
        Assert.Equal("openai · fake-dialogue", state.Ai.Llm);
        Assert.False(state.Ai.OfflineScript);
        Assert.StartsWith("openai", state.Ai.SpeechToText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_SavedChoiceNeedsAKeyThatIsGone_AppSettingsApplyAndTheStudioStarts()
    {
        var choices = new AiProviderChoices(
            new LlmProviderChoice("openai", null, "gpt-4o-mini", null),
            new SpeechProviderChoice("offline", null, null),
            new SpeechProviderChoice("offline", null, null));
        await using (var first = Studio(("Llm:ApiKey", "sk-present-then-removed")))
        {
            await first.Services.GetRequiredService<IAiProviderSettings>().ApplyAsync(choices);
            Assert.False(first.Services.GetRequiredService<LlmClients>().IsOffline);
        }

        await using var second = Studio();

        Assert.True(second.Services.GetRequiredService<LlmClients>().IsOffline);
        Assert.Equal(choices, second.Services.GetRequiredService<StudioEngine>().Current.AiProviders);
        var state = await second.Services.GetRequiredService<StudioEngine>().WaitForAsync(s => s.AiCallers.All(c => c.Name is not null));
        Assert.True(state.Ai.OfflineScript);
    }

    private StudioWebFactory Studio(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = _data.Path };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new StudioWebFactory(settings);
    }
}
