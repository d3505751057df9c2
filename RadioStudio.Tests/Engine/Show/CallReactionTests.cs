using RadioStudio.Engine.Show;

namespace RadioStudio.Tests.Engine.Show;

public sealed class CallReactionTests
{
    private static readonly EarlierCall[] Earlier =
    [
        new("Maria", false, "Fence dispute."),
        new("Cody", true, "Drive-in theater."),
        new("Dale", true, "Brother owes him money."),
    ];

    [Fact]
    public void Choose_ManyCalls_ReactsRarelyNearConfiguredShare()
    {
        var random = new Random(11);

        var reactions = Enumerable.Range(0, 2000).Count(_ => CallReaction.Choose(Earlier, random) is not null);

        Assert.InRange(reactions, 320, 480);
    }

    [Fact]
    public void Choose_ProbabilityZero_ReturnsNull() =>
        Assert.Null(CallReaction.Choose(Earlier, new Random(1), probability: 0));

    [Fact]
    public void Choose_NoEarlierCalls_ReturnsNull() =>
        Assert.Null(CallReaction.Choose([], new Random(1), probability: 1));

    [Fact]
    public void Choose_CallerName_NeverReactsToItself()
    {
        var random = new Random(5);

        var targets = Enumerable.Range(0, 200)
            .Select(_ => CallReaction.Choose(Earlier, random, probability: 1, callerName: "dale")!.Call.Name)
            .ToHashSet();

        Assert.DoesNotContain("Dale", targets);
        Assert.Equal(["Cody", "Maria"], targets.Order());
    }

    [Fact]
    public void Choose_SameSeed_SameReaction() =>
        Assert.Equal(
            CallReaction.Choose(Earlier, new Random(42), probability: 1),
            CallReaction.Choose(Earlier, new Random(42), probability: 1));
}
