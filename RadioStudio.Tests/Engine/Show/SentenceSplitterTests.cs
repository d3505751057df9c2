using RadioStudio.Engine.Show;

namespace RadioStudio.Tests.Engine.Show;

public sealed class SentenceSplitterTests
{
    private static List<(int Token, string Sentence)> Stream(SentenceSplitter splitter, IReadOnlyList<string> tokens)
    {
        var emitted = new List<(int, string)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            emitted.AddRange(splitter.Append(tokens[i]).Select(s => (i, s)));
        }

        return emitted;
    }

    private static IReadOnlyList<string> Words(string text) => Support.FakeChatReply.Words(text);

    [Fact]
    public void Append_TokenByToken_EmitsFirstSentenceBeforeReplyFinishes()
    {
        var tokens = Words("Hi, thanks for having me. My sister stopped talking to me last spring. I don't know why");
        var splitter = new SentenceSplitter();

        var emitted = Stream(splitter, tokens);

        Assert.Equal("Hi, thanks for having me.", emitted[0].Sentence);
        Assert.Equal(tokens.ToList().IndexOf(" me."), emitted[0].Token);
        Assert.Equal(["Hi, thanks for having me.", "My sister stopped talking to me last spring."], emitted.Select(e => e.Sentence));
        Assert.Equal("I don't know why", splitter.Flush());
    }

    [Fact]
    public void Append_TerminatorThenSpaceInSameToken_EmitsAtOnce()
    {
        var splitter = new SentenceSplitter();

        Assert.Empty(splitter.Append("I called about my dog"));
        Assert.Equal(["I called about my dog."], splitter.Append(". "));
    }

    [Theory]
    [InlineData("I saw Dr. Patel at the clinic today. She said rest.", "I saw Dr. Patel at the clinic today.")]
    [InlineData("We live on St. Louis Street near the river. It floods.", "We live on St. Louis Street near the river.")]
    [InlineData("It was Mr. and Mrs. Lee from next door. They yelled.", "It was Mr. and Mrs. Lee from next door.")]
    [InlineData("The bill was 3.5 times what they quoted me. Unreal.", "The bill was 3.5 times what they quoted me.")]
    [InlineData("Apples, pears, etc. are all on sale this week. Wild.", "Apples, pears, etc. are all on sale this week.")]
    [InlineData("My hero is J. R. Ewing from the show. Honestly.", "My hero is J. R. Ewing from the show.")]
    [InlineData("I was like... you know, done with it all. Yeah.", "I was like... you know, done with it all.")]
    [InlineData("It was cold, e.g. ice on the truck every day. Brutal.", "It was cold, e.g. ice on the truck every day.")]
    public void Append_Abbreviations_DoNotSplit(string reply, string first)
    {
        var splitter = new SentenceSplitter();

        var emitted = Stream(splitter, Words(reply));

        Assert.Equal(first, emitted[0].Sentence);
    }

    [Fact]
    public void Append_AbbreviationThenCapital_SplitsAfterNextWord()
    {
        var splitter = new SentenceSplitter();

        Assert.Empty(splitter.Append("I start my shift at ten p.m."));
        Assert.Empty(splitter.Append(" "));
        Assert.Equal(["I start my shift at ten p.m."], splitter.Append("Every"));
    }

    [Fact]
    public void Append_ShortFirstSentence_MergesWithNext()
    {
        var splitter = new SentenceSplitter();

        var emitted = Stream(splitter, Words("Oh. Okay. So my brother borrowed my truck again. Yeah."));

        Assert.Equal(["Oh. Okay. So my brother borrowed my truck again."], emitted.Select(e => e.Sentence));
        Assert.Equal("Yeah.", splitter.Flush());
    }

    [Fact]
    public void Append_DirectionInBrackets_DoesNotSplitInside()
    {
        var splitter = new SentenceSplitter();

        var emitted = Stream(splitter, Words("Well (he sighs. long pause.) I just miss her a lot. Anyway."));

        Assert.Equal("Well (he sighs. long pause.) I just miss her a lot.", emitted[0].Sentence);
    }

    [Fact]
    public void Flush_AfterFlush_ReturnsEmpty()
    {
        var splitter = new SentenceSplitter();
        splitter.Append("Hello there");

        Assert.Equal("Hello there", splitter.Flush());
        Assert.Equal("", splitter.Flush());
    }

    [Fact]
    public void Append_QuestionAndExclamation_Split()
    {
        var splitter = new SentenceSplitter { MinimumWords = 1 };

        var emitted = Stream(splitter, Words("You know what? I love it! Really."));

        Assert.Equal(["You know what?", "I love it!", "Really."], emitted.Select(e => e.Sentence));
        Assert.Equal("", splitter.Flush());
    }

    [Fact]
    public void Append_TerminatorAfterWord_ReleasesWithItsOwnToken()
    {
        // Waiting for the whitespace would cost one token interval (50 ms at 20 tokens/s) before TTS could start.
        var splitter = new SentenceSplitter();

        Assert.Empty(splitter.Append("I finally got through"));
        Assert.Equal(["I finally got through tonight."], splitter.Append(" tonight."));
        Assert.Equal(["Is that you?"], splitter.Append(" Is that you?"));
        Assert.Equal(["Wow, it really is."], splitter.Append("! Wow, it really is."));
    }

    [Theory]
    [InlineData(new[] { " The", " bill", " was", " 3." }, "5")]
    [InlineData(new[] { " I", " saw", " Dr." }, " Patel")]
    [InlineData(new[] { " Apples", " and", " pears", " etc." }, " are")]
    [InlineData(new[] { " I", " was", " like..." }, " you")]
    [InlineData(new[] { " He", " said", " \"no", " way." }, "\"")]
    [InlineData(new[] { " Well", " (he", " sighs", " loudly." }, ")")]
    public void Append_UndecidedTerminatorAtEnd_Waits(string[] tokens, string next)
    {
        var splitter = new SentenceSplitter();

        Assert.Empty(Stream(splitter, tokens));
        Assert.Empty(splitter.Append(next));
    }
}
