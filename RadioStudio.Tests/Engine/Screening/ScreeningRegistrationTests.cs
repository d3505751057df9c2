using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Hosting;
using RadioStudio.Engine.Screening;

namespace RadioStudio.Tests.Engine.Screening;

public sealed class ScreeningRegistrationTests
{
    [Fact]
    public async Task AddScreening_NoDirectory_KnowsNobodyAndStaysOffUntilTheAgentIsBuilt()
    {
        await using var services = Build(new ServiceCollection());

        var lookup = services.GetRequiredService<IKnownCallerLookup>();

        Assert.IsType<NoKnownCallers>(lookup);
        Assert.Null(await lookup.FindNameAsync("+14155550100"));
        Assert.False(services.GetRequiredService<IOptions<ScreeningOptions>>().Value.Enabled);
        Assert.Equal(4, services.GetRequiredService<ScreeningProviderGate>().Capacity);
    }

    [Fact]
    public async Task AddScreening_DirectoryRegisteredFirst_DirectoryKept()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<IKnownCallerLookup, Directory>();
        await using var services = Build(collection);

        Assert.Equal("Dave", await services.GetRequiredService<IKnownCallerLookup>().FindNameAsync("+14155550100"));
    }

    private static ServiceProvider Build(ServiceCollection collection)
    {
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        collection.AddSingleton(TimeProvider.System);
        collection.AddScreening();
        return collection.BuildServiceProvider();
    }

    private sealed class Directory : IKnownCallerLookup
    {
        public ValueTask<string?> FindNameAsync(string number, CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>("Dave");
    }
}
