using RadioStudio.Engine.Providers;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Llm.Local;

/// <summary>The settings page's provider choices: local LLM and local Whisper need no key and apply at once.</summary>
public sealed class LocalProviderSettingsTests(LocalModelFixture fixture) : IClassFixture<LocalModelFixture>
{
    [Fact]
    public async Task Apply_LocalLlmAndWhisper_NeedNoKeyAndRebuildWithTheConfiguredModel()
    {
        using var rig = new AiProviderRig(new FakeStudio(), (llm, _, _) => (llm.ModelPath, llm.ContextSize) = (fixture.ModelPath, 512));
        var choices = rig.Settings.Current with
        {
            Llm = new LlmProviderChoice("local", null, null, null),
            SpeechToText = new SpeechProviderChoice("whisper", null, null),
        };

        Assert.Empty(rig.Settings.Check(choices));
        await rig.Settings.ApplyAsync(choices);

        Assert.Equal("local · random-llama.gguf", rig.Llm.Label);
        Assert.Equal("local", rig.Settings.Current.Llm.Provider);
        Assert.Equal("whisper", rig.Speech.SpeechToText.Info.Provider);
        Assert.Equal("whisper", rig.Settings.Current.SpeechToText.Provider);
    }

    [Fact]
    public void Check_UnknownLlmProvider_NamesTheThreeChoices()
    {
        using var rig = new AiProviderRig(new FakeStudio());

        var problems = rig.Settings.Check(rig.Settings.Current with { Llm = new LlmProviderChoice("llamafile", null, null, null) });

        Assert.Contains("LLM: choose openai, local or offline.", problems);
    }
}
