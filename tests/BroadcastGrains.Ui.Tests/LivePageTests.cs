using System.Globalization;
using BroadcastGrains.Ui.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BroadcastGrains.Ui.Tests;

/// <summary>
/// A client opens <c>/ui</c> in a browser, signs in with its key, finds its broadcast and watches it live: the counts
/// appear while it sends and reach completed.
/// </summary>
public sealed class LivePageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    const int Recipients = 5_000;

    [Fact]
    public async Task A_client_signs_in_and_watches_its_broadcast_reach_completed()
    {
        var tenant = await Tenant.CreateAsync(fixture.Silo, BrowserFixture.AdminKey, credits: 100);
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        page.SetDefaultTimeout(30_000);

        await page.GotoAsync(new Uri(fixture.Silo, "/ui").ToString());
        await page.GetByLabel("API key").FillAsync(tenant.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByText("No broadcasts yet.")).ToBeVisibleAsync();

        await tenant.SendAsync(fixture.Silo, "Spring sale", Numbers(Recipients));
        await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Watch Spring sale" }).ClickAsync();

        var status = page.GetByRole(AriaRole.Status);
        await Expect(status).ToHaveTextAsync("sending");
        var delivered = page.GetByRole(AriaRole.Row, new() { Name = "Delivered" }).GetByRole(AriaRole.Cell).First;
        await Expect(delivered).Not.ToHaveTextAsync("0"); // counts move while it sends
        await Expect(status).ToHaveTextAsync("completed");
        await Expect(delivered).ToHaveTextAsync(Recipients.ToString("N0", CultureInfo.InvariantCulture));
        await Expect(page.GetByText($"{Recipients:N0} of {Recipients:N0}")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "completed", Exact = true })).ToBeVisibleAsync(); // the list, refreshed

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "ui.png"), FullPage = true });
    }

    [Fact]
    public async Task A_wrong_key_is_told_so_on_the_page()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Silo, "/ui/").ToString());
        await page.GetByLabel("API key").FillAsync("bgk_wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("UNAUTHENTICATED");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your broadcasts" })).ToBeHiddenAsync();
    }

    static IEnumerable<string> Numbers(int count) =>
        Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"+1{(i < 9_000 ? 212 : 213)}555{4 + (i % 9_000):D4}"));
}
