namespace RadioStudio.Tests.Support;

/// <summary>The AI studio with the AI screener on, answering quickly: what the screening tests dial into.</summary>
public sealed class ScreeningStudioFixture : AiStudioFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings()
    {
        var settings = new Dictionary<string, string?>(base.ExtraSettings())
        {
            ["Screening:Enabled"] = "true",
            ["Screening:EchoTailMilliseconds"] = "200",
            ["Screening:AnswerWaitSeconds"] = "6",
        };
        return settings;
    }
}
