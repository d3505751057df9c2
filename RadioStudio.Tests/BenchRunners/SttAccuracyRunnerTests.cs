using RadioStudio.Bench;
using RadioStudio.Tests.Engine.Speech.Whisper;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.BenchRunners;

/// <summary>
/// <c>RadioStudio.Bench -- stt</c> (linked here): with no model it says so and exits 0 after measuring
/// pocketsphinx; with a (generated) model it adds a Whisper row. Needs flite or espeak-ng and pocketsphinx, as CI.
/// </summary>
public sealed class SttAccuracyRunnerTests(WhisperModelFixture fixture) : IClassFixture<WhisperModelFixture>
{
    [Fact]
    public async Task Run_NoModelInDataFolder_SaysSoMeasuresPocketSphinxAndExitsZero()
    {
        using var empty = new TempDirectory();
        using var output = new StringWriter();

        var exit = await SttAccuracyRunner.RunAsync(["--data", empty.Path, "--sentences", "2"], output);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("No Whisper model in " + Path.Combine(empty.Path, "models"), text, StringComparison.Ordinal);
        Assert.Matches(@"\| pocketsphinx \| en-us \(stock, 16 kHz\) \| \d+ % \| \d+\.\d{3} \|", text);
        Assert.DoesNotContain("| whisper |", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ModelInDataFolder_ReportsAccuracyAndRealTimeFactorForWhisper()
    {
        using var output = new StringWriter();

        var exit = await SttAccuracyRunner.RunAsync(["--data", fixture.DataFolder, "--sentences", "2", "--threads", "2"], output);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("Speech: 4 utterances", text, StringComparison.Ordinal);
        Assert.DoesNotContain("No Whisper model", text, StringComparison.Ordinal);
        Assert.Matches(@"\| whisper \| ggml-random\.en\.bin \(\d+ MB, 2 threads\) \| \d+ % \| \d+\.\d{3} \| \d+\.\d\d s \|", text);
    }

    [Theory]
    [InlineData("hello there caller", "hello there caller", 0)]
    [InlineData("hello there caller", "Hello, there!", 1)]
    [InlineData("hello there caller", "well hello there my caller", 2)]
    [InlineData("hello there", "", 2)]
    public void WordErrors_Pairs_CountsEditDistanceOverNormalisedWords(string reference, string heard, int errors) =>
        Assert.Equal(errors, WordAccuracy.Errors(WordAccuracy.Words(reference), WordAccuracy.Words(heard)));
}
