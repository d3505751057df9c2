using AngleSharp.Dom;
using Bunit;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Components.Pages;

namespace RadioStudio.Tests.Web.Providers;

/// <summary>The "AI providers" section of /settings over the real provider clients (offline unless a test configures them).</summary>
public sealed class AiProvidersPanelTests : PageTestContext
{
    private const string Key = "sk-test-never-shown";

    [Fact]
    public async Task Render_OfflineConfiguration_ShowsProvidersInForceKeysAndVoices()
    {
        UseAiProviders((llm, _, _) => llm.ApiKey = Key);
        var cut = RenderSettings();
        await Studio.PublishAsync(Studio.Current with { Ai = AiStatus.Initial with { Llm = "offline script", SpeechToText = "offline · pocketsphinx", TextToSpeech = "offline · espeak-ng" } });

        Assert.Equal("offline", Selected(cut, "ai-llm-provider"));
        Assert.Equal("offline", Selected(cut, "ai-stt-provider"));
        Assert.Equal("offline", Selected(cut, "ai-tts-provider"));
        Assert.Equal("", cut.Find("[data-testid=ai-llm-endpoint]").GetAttribute("value") ?? "");
        cut.WaitForAssertion(() => Assert.Equal("offline · espeak-ng", cut.Find("[data-testid=ai-tts-in-force]").TextContent));
        Assert.Equal("offline script", cut.Find("[data-testid=ai-llm-in-force]").TextContent);

        var llmKey = cut.Find("[data-testid=ai-llm-key]");
        Assert.Equal("set", llmKey.GetAttribute("data-state"));
        Assert.Contains("key set (env Llm__ApiKey / user-secrets)", llmKey.TextContent, StringComparison.Ordinal);
        Assert.Equal("missing", cut.Find("[data-testid=ai-stt-key]").GetAttribute("data-state"));
        Assert.Contains("no key", cut.Find("[data-testid=ai-tts-key]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, cut.Markup, StringComparison.Ordinal);
        Assert.Contains("user-secrets", cut.Find("[data-testid=ai-keys-help]").TextContent, StringComparison.Ordinal);

        Assert.NotEmpty(cut.FindAll("[data-testid=ai-tts-voice]"));
        Assert.Equal("clean", cut.Find("[data-testid=ai-providers-dirty]").GetAttribute("data-state"));
        Assert.True(cut.Find("[data-testid=ai-providers-save]").HasAttribute("disabled"));
    }

    [Fact]
    public void Save_OpenAiEndpoints_AppliesAtOncePersistsAndRefreshesTheLabels()
    {
        var rig = UseAiProviders((llm, _, _) => llm.ApiKey = Key);
        var cut = RenderSettings();

        cut.Find("[data-testid=ai-llm-provider]").Change("openai");
        cut.Find("[data-testid=ai-llm-endpoint]").Change(" http://127.0.0.1:11434/v1 ");
        cut.Find("[data-testid=ai-llm-model]").Change("llama3.2");
        cut.Find("[data-testid=ai-llm-utility-model]").Change("qwen2.5:0.5b");
        cut.Find("[data-testid=ai-stt-provider]").Change("openai");
        cut.Find("[data-testid=ai-stt-endpoint]").Change("http://127.0.0.1:8000/v1");
        Assert.Equal("dirty", cut.Find("[data-testid=ai-providers-dirty]").GetAttribute("data-state"));
        Assert.Empty(Studio.Commands);

        cut.Find("[data-testid=ai-providers-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["ai-providers:openai:openai:offline"], Studio.Commands));
        var saved = Studio.LastAiProviders!;
        Assert.Equal(new("openai", "http://127.0.0.1:11434/v1", "llama3.2", "qwen2.5:0.5b"), saved.Llm);
        Assert.Equal("http://127.0.0.1:8000/v1", saved.SpeechToText.Endpoint);

        // Applied to the running clients. The configured key belongs to api.openai.com, so this local server gets none.
        Assert.False(rig.Llm.IsOffline);
        Assert.Equal("openai · llama3.2", rig.Llm.Label);
        Assert.Equal("http://127.0.0.1:11434/v1", rig.Llm.Options.Endpoint);
        Assert.Equal(["qwen2.5:0.5b"], rig.Llm.Options.UtilityModels);
        Assert.Null(rig.Llm.Options.ApiKey);
        Assert.Equal("openai", rig.Speech.SpeechToText.Info.Provider);
        Assert.Equal("offline", rig.Speech.TextToSpeechOptions.Provider);
        Assert.Equal(1, rig.Refreshes);

        cut.WaitForAssertion(() => Assert.Equal("clean", cut.Find("[data-testid=ai-providers-dirty]").GetAttribute("data-state")));
        Assert.Equal("openai", Selected(cut, "ai-llm-provider"));
        Assert.Empty(cut.FindAll("[data-testid=ai-providers-problem]"));
        Snackbars.WaitForAssertion(() => Assert.Contains("AI providers saved", Snackbars.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Save_BadEndpoint_RefusedWithTheReasonAndNothingChanges()
    {
        var rig = AiProviders;
        var cut = RenderSettings();

        cut.Find("[data-testid=ai-llm-provider]").Change("openai");
        cut.Find("[data-testid=ai-llm-endpoint]").Change("localhost:11434");
        cut.Find("[data-testid=ai-llm-model]").Change("llama3.2");
        cut.Find("[data-testid=ai-tts-endpoint]").Change("ftp://voices.example/");
        cut.Find("[data-testid=ai-providers-save]").Click();

        var problem = cut.Find("[data-testid=ai-providers-problem]").TextContent;
        Assert.Contains("Nothing was changed", problem, StringComparison.Ordinal);
        Assert.Contains("LLM: the endpoint is an http(s) URL", problem, StringComparison.Ordinal);
        Assert.Contains("Text-to-speech: the endpoint “ftp://voices.example/” is not an http(s) URL", problem, StringComparison.Ordinal);
        Assert.Empty(Studio.Commands);
        Assert.True(rig.Llm.IsOffline);
        Assert.Null(rig.Speech.TextToSpeechOptions.Endpoint);
        Assert.Equal(0, rig.Refreshes);
        Assert.Equal("dirty", cut.Find("[data-testid=ai-providers-dirty]").GetAttribute("data-state"));
        Assert.Equal("localhost:11434", cut.Find("[data-testid=ai-llm-endpoint]").GetAttribute("value"));
    }

    [Fact]
    public void Save_CloudProvidersWithoutKeyOrEndpoint_RefusedNamingTheVariablesToSet()
    {
        var rig = AiProviders;
        var cut = RenderSettings();

        cut.Find("[data-testid=ai-llm-provider]").Change("openai");
        cut.Find("[data-testid=ai-llm-model]").Change("gpt-4o-mini");
        cut.Find("[data-testid=ai-tts-provider]").Change("elevenlabs");
        cut.Find("[data-testid=ai-providers-save]").Click();

        var problem = cut.Find("[data-testid=ai-providers-problem]").TextContent;
        Assert.Contains("Llm__ApiKey", problem, StringComparison.Ordinal);
        Assert.Contains("Text-to-speech: elevenlabs at its own address needs an API key", problem, StringComparison.Ordinal);
        Assert.Contains("TextToSpeech__ApiKey", problem, StringComparison.Ordinal);
        Assert.Empty(Studio.Commands);
        Assert.True(rig.Llm.IsOffline);
        Assert.Equal("offline", rig.Speech.TextToSpeechOptions.Provider);
    }

    [Fact]
    public async Task LoadModels_FakeEndpoint_FillsTheModelListAndSendsTheConfiguredKey()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Models = ["llama3.2", "gpt-4o-mini", "qwen2.5:0.5b"];
        UseAiProviders((llm, _, _) =>
        {
            llm.ApiKey = Key;
            llm.Endpoint = server.BaseUrl;
        });
        var cut = RenderSettings();

        cut.Find("[data-testid=ai-llm-endpoint]").Change(server.BaseUrl);
        cut.Find("[data-testid=ai-load-models]").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            ["gpt-4o-mini", "llama3.2", "qwen2.5:0.5b"],
            cut.FindAll("[data-testid=ai-model-option]").Select(o => o.GetAttribute("value"))));
        Assert.Contains("3 models listed", cut.Find("[data-testid=ai-models-loaded]").TextContent, StringComparison.Ordinal);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/models", request.Path);
        Assert.Equal("Bearer " + Key, request.Authorization);

        // The list only suggests: the model field still takes any name (once the load handler has finished).
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=ai-load-models]").HasAttribute("disabled")));
        cut.Find("[data-testid=ai-llm-model]").Change("my-fine-tune");
        Assert.Equal("my-fine-tune", cut.Find("[data-testid=ai-llm-model]").GetAttribute("value"));
    }

    [Fact]
    public void LoadModels_NothingListening_SaysSoAndKeepsTheFreeTextField()
    {
        var cut = RenderSettings();

        cut.Find("[data-testid=ai-llm-endpoint]").Change("http://127.0.0.1:9/v1");
        cut.Find("[data-testid=ai-load-models]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Could not reach http://127.0.0.1:9/v1/models", cut.Find("[data-testid=ai-models-problem]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=ai-model-option]"));
        Assert.False(cut.Find("[data-testid=ai-llm-model]").HasAttribute("disabled"));
    }

    /// <summary>The page, once its device listing (which re-renders it from another thread) is done.</summary>
    private IRenderedComponent<Settings> RenderSettings()
    {
        var cut = RenderPage<Settings>();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=device-listing]")));
        cut.WaitForAssertion(() => Assert.True(cut.FindAll("[data-testid=device-select] option").Count > 1));
        return cut;
    }

    private static string? Selected(IRenderedComponent<Settings> cut, string testId) =>
        cut.Find($"[data-testid={testId}] option[selected]").GetAttribute("value");
}
