using Bunit;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Components.Pages;

namespace RadioStudio.Tests.Web.Providers;

/// <summary>B2 on the page: a changed endpoint gets no key until one is typed for it, and the typed key never shows.</summary>
public sealed class EndpointKeyFieldTests : PageTestContext
{
    private const string Configured = "sk-configured-for-openai";
    private const string Typed = "sk-typed-for-the-local-server";

    [Fact]
    public async Task LoadModels_ChangedEndpoint_SendsNoKeyUntilOneIsTypedForIt()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Models = ["llama3.2"];
        UseAiProviders((llm, _, _) => llm.ApiKey = Configured);
        var cut = RenderPage<Settings>();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=device-listing]")));

        cut.Find("[data-testid=ai-llm-provider]").Change("openai");
        cut.Find("[data-testid=ai-llm-endpoint]").Change(server.BaseUrl);
        cut.Find("[data-testid=ai-load-models]").Click();
        cut.WaitForAssertion(() => Assert.Single(server.Requests));
        Assert.True(string.IsNullOrEmpty(server.Requests[0].Authorization), $"sent {server.Requests[0].Authorization}");
        Assert.Contains("none", cut.Find("[data-testid=ai-llm-endpoint-key]").GetAttribute("placeholder"), StringComparison.Ordinal);

        cut.Find("[data-testid=ai-llm-endpoint-key]").Change(Typed);
        cut.Find("[data-testid=ai-llm-endpoint-key-use]").Click();
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=ai-load-models]").HasAttribute("disabled")));
        cut.Find("[data-testid=ai-load-models]").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, server.Requests.Count));
        Assert.Equal("Bearer " + Typed, server.Requests[1].Authorization);
        Assert.DoesNotContain(Typed, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(Configured, cut.Markup, StringComparison.Ordinal);
        Assert.Contains("a key is set", cut.Find("[data-testid=ai-llm-endpoint-key]").GetAttribute("placeholder"), StringComparison.Ordinal);
    }
}
