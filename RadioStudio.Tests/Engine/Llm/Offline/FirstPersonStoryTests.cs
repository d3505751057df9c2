using System.Text.Json;
using RadioStudio.Engine.Llm.Offline;

namespace RadioStudio.Tests.Engine.Llm.Offline;

/// <summary>The persona's reason for calling, said by the caller: first person, whole clauses, no field text pasted.</summary>
public sealed class FirstPersonStoryTests
{
    [Theory]
    [InlineData("has been engaged for six years and the wedding keeps getting pushed back", true, "I've been engaged for six years and the wedding keeps getting pushed back")]
    [InlineData("thinks their teenager is sneaking out at night and doesn't know how to bring it up", true, "I think my teenager is sneaking out at night and I don't know how to bring it up")]
    [InlineData("just got laid off and hasn't told their spouse yet", true, "I just got laid off and I haven't told my spouse yet")]
    [InlineData("found out a best friend has been lying about where they go every Thursday night", true, "I found out a best friend has been lying about where they go every Thursday night")]
    [InlineData("got passed over for a promotion by someone they trained", true, "I got passed over for a promotion by someone I trained")]
    [InlineData("ex wants to get back together and part of them wants to say yes", true, "my ex wants to get back together and part of me wants to say yes")]
    [InlineData("best friend is marrying someone they can't stand and they're the best man or maid of honor", true, "my best friend is marrying someone I can't stand and I'm the best man or maid of honor")]
    [InlineData("wants to go back to school at their age and is scared of looking foolish", true, "I want to go back to school at my age and I'm scared of looking foolish")]
    [InlineData("recently sober and their whole friend group still lives at the bar", true, "I'm recently sober and my whole friend group still lives at the bar")]
    [InlineData("their church is splitting and they're caught in the middle", true, "my church is splitting and I'm caught in the middle")]
    [InlineData("has been talking to someone online for a year and has never seen them on video", true, "I've been talking to someone online for a year and I've never seen them on video")]
    [InlineData("a sibling borrowed two thousand dollars a year ago and acts like it never happened", true, "my sibling borrowed two thousand dollars a year ago and acts like it never happened")]
    [InlineData("feels like they're drifting apart from a twin", true, "I feel like I'm drifting apart from a twin")]
    [InlineData("whether the old drive-in theater should be reopened", false, "I wanted to talk about whether the old drive-in theater should be reopened")]
    [InlineData("what the host's favorite song was in high school", false, "I wanted to talk about what your favorite song was in high school")]
    [InlineData("the best advice their grandmother ever gave them", false, "I wanted to talk about the best advice my grandmother ever gave me")]
    [InlineData("strange lights they saw over the lake last weekend", false, "I wanted to talk about strange lights I saw over the lake last weekend")]
    [InlineData("my landlord", null, "I wanted to talk about my landlord")]
    public void From_PersonaReason_SaysItInTheFirstPerson(string reason, bool? isProblem, string expected) =>
        Assert.Equal(expected, FirstPersonStory.From(reason, isProblem));

    [Fact]
    public void From_EveryReasonInThePersonaPool_IsAFirstPersonClauseWithoutTheirOrTheHost()
    {
        using var pool = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Show", "Data", "personas.en-US.json")));
        var reasons = pool.RootElement.GetProperty("problems").EnumerateArray().Select(e => (e.GetString()!, true))
            .Concat(pool.RootElement.GetProperty("topics").EnumerateArray().Select(e => (e.GetString()!, false)))
            .ToList();
        Assert.True(reasons.Count > 40, $"{reasons.Count} reasons");

        foreach (var (reason, isProblem) in reasons)
        {
            var story = FirstPersonStory.From(reason, isProblem);
            var words = story.Split(' ');
            Assert.True(words[0] is "I" or "I've" or "I'm" or "my" or "a", $"'{story}' (from '{reason}') starts with '{words[0]}'");
            Assert.DoesNotContain(words, w => w.Trim(',') is "their" or "they're" or "themselves");
            Assert.DoesNotContain("the host", story, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("I has", story, StringComparison.Ordinal);
            Assert.DoesNotContain("I is", story, StringComparison.Ordinal);
            Assert.DoesNotContain("I keeps", story, StringComparison.Ordinal);
        }
    }
}
