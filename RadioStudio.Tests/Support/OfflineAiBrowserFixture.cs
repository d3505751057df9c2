namespace RadioStudio.Tests.Support;

/// <summary>The browser fixture with offline AI providers whose scripted caller streams its words without pauses.</summary>
public sealed class OfflineAiBrowserFixture() : BrowserFixture(new Dictionary<string, string?>
{
    ["Llm:Provider"] = "offline",
    ["Llm:OfflineWordDelayMilliseconds"] = "5",
    ["SpeechToText:Provider"] = "offline",
    ["TextToSpeech:Provider"] = "offline",
});
