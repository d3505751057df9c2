using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using RadioStudio.Engine.Llm;
using RadioStudio.Engine.Show;
using RadioStudio.Engine.Speech;

namespace RadioStudio.Tests.Engine.Llm.Offline;

/// <summary>
/// The offline caller (no language model) through the real system prompt: whole, grammatical first-person
/// sentences built from the persona (never a field pasted in), and answers of the kind the host asked for.
/// </summary>
public sealed class OfflineScriptDialogueTests
{
    private static readonly Persona[] Personas =
    [
        Persona("Dale", VoiceGender.Male, "Fort Smith", "has been engaged for six years and the wedding keeps getting pushed back", true, "Paula, my sister"),
        Persona("Rhonda", VoiceGender.Female, "Muskogee", "their church is splitting and they're caught in the middle", true, "Hector, my husband"),
        Persona("Earl", VoiceGender.Male, "Joplin", "the best advice their grandmother ever gave them", false, "Dwayne, my brother"),
        Persona("Kayla", VoiceGender.Female, "Enid", "dad is getting forgetful and refuses to stop driving", true, "Luz, my best friend"),
    ];

    private static readonly string[] Stories =
    [
        "I've been engaged for six years and the wedding keeps getting pushed back",
        "my church is splitting and I'm caught in the middle",
        "I wanted to talk about the best advice my grandmother ever gave me",
        "my dad is getting forgetful and refuses to stop driving",
    ];

    private readonly OfflineScriptedChatClient _chat = new(LlmTestSupport.Script(), TimeProvider.System, TimeSpan.Zero);

    public static TheoryData<int> PersonaIndexes => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(PersonaIndexes))]
    public async Task Opener_FromThePersona_IsWholeFirstPersonSentencesWithTheReasonRetold(int index)
    {
        var text = await ReplyAsync(index, []);

        AssertWellFormed(text);
        Assert.Contains(Stories[index], text, StringComparison.OrdinalIgnoreCase); // "My dad…" when it starts a sentence
        Assert.Contains(Personas[index].Name, text, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("(?<![Mm]y )" + Regex.Escape(Personas[index].Reason)), text); // never the field as written
    }

    [Theory]
    [InlineData("How did your family react?", "my family")]
    [InlineData("Okay. So how did your wife take the news?", "my wife")]
    [InlineData("And what did your mom say?", "my mom")]
    public async Task Answer_HowDidTheyReact_IsAboutAReactionOfThatPerson(string question, string subject)
    {
        foreach (var index in new[] { 0, 1, 2, 3 })
        {
            var text = await ReplyAsync(index, [question]);

            AssertWellFormed(text);
            Assert.Contains(subject, text, StringComparison.OrdinalIgnoreCase);
            Assert.Matches(new Regex(@"\b(took it|take it|quiet|laughed|yelling|upset|asked)\b", RegexOptions.IgnoreCase), text);
            Assert.DoesNotMatch(new Regex(@"^(Well, I'd say )?yes\b", RegexOptions.IgnoreCase), text);
        }
    }

    [Theory]
    [InlineData("Did you ever tell her?")]
    [InlineData("Is he still driving?")]
    [InlineData("Have you talked to a lawyer about it?")]
    public async Task Answer_YesNoQuestion_StartsWithYesOrNo(string question)
    {
        foreach (var index in new[] { 0, 1, 2, 3 })
        {
            var text = await ReplyAsync(index, [question]);

            AssertWellFormed(text);
            Assert.Matches(new Regex(@"^(Yes|Yeah|No|Honestly, no)\b"), text);
        }
    }

    [Theory]
    [InlineData("Why didn't you say something sooner?", @"\bbecause\b")]
    [InlineData("When did all this start?", @"\b(ago|last|this past|spring|weekend|month)\b")]
    [InlineData("How long has this been going on?", @"\b(months|years)\b")]
    [InlineData("Where are you calling from tonight?", "TOWN")]
    [InlineData("Who else knows about this?", "PERSON")]
    [InlineData("So what happened?", "STORY")]
    public async Task Answer_WhWordQuestion_IsAnAnswerOfThatKind(string question, string expected)
    {
        foreach (var index in new[] { 0, 1, 2, 3 })
        {
            var text = await ReplyAsync(index, [question]);

            AssertWellFormed(text);
            var pattern = expected switch
            {
                "TOWN" => Regex.Escape(Personas[index].Town),
                "PERSON" => Regex.Escape(Personas[index].People[0].Split(", ") is [var name, var relation] ? $"{relation} {name}" : ""),
                "STORY" => Regex.Escape(Stories[index]),
                _ => expected,
            };
            Assert.Matches(new Regex(pattern, RegexOptions.IgnoreCase), text);
        }
    }

    /// <summary>Capitalised sentences, each ending in punctuation, none of the prompt's labels, nothing said about "them".</summary>
    private static void AssertWellFormed(string text)
    {
        Assert.False(string.IsNullOrWhiteSpace(text));
        var sentences = Regex.Split(text.Trim(), @"(?<=[.!?])\s+");
        foreach (var sentence in sentences)
        {
            Assert.True(char.IsUpper(sentence[0]), $"'{sentence}' does not start with a capital (in: {text})");
            Assert.True(sentence[^1] is '.' or '!' or '?', $"'{sentence}' does not end a sentence (in: {text})");
        }

        foreach (var label in new[] { "Why you are calling", "The short version:", "People in your life", "{", "}", "That is a personal problem" })
        {
            Assert.DoesNotContain(label, text, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(new Regex(@"\b(their|they're|themselves)\b", RegexOptions.IgnoreCase), text);
        Assert.DoesNotMatch(new Regex(@":\s+(has|is|keeps|can't|got|found|thinks|wants)\b"), text);
    }

    private async Task<string> ReplyAsync(int persona, string[] hostQuestions)
    {
        var system = CallerPromptBuilder.SystemPrompt(new CallerPromptContext(Personas[persona], "Late Night Radio", "Sam", [], null, [], []));
        var messages = new List<ChatMessage> { new(ChatRole.System, system), new(ChatRole.User, "HOST: You're on the air.") };
        foreach (var question in hostQuestions)
        {
            messages.Add(new ChatMessage(ChatRole.Assistant, "Thanks for having me."));
            messages.Add(new ChatMessage(ChatRole.User, "HOST: " + question));
        }

        var response = await _chat.GetResponseAsync(messages);
        return response.Text.Trim();
    }

    private static Persona Persona(string name, VoiceGender gender, string town, string reason, bool isProblem, string person) => new()
    {
        Name = name,
        Gender = gender,
        Age = 44,
        Job = "night nurse",
        Town = town,
        Reason = reason,
        IsProblem = isProblem,
        People = [person],
    };
}
