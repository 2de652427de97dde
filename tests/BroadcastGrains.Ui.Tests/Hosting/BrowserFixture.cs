using BroadcastGrains.Testing.Hosting;
using Microsoft.Playwright;

namespace BroadcastGrains.Ui.Tests.Hosting;

/// <summary>
/// One silo process and one browser for the page tests. The simulator is throttled to 1,000 messages a second so a
/// broadcast of a few thousand lasts long enough to watch it move.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string AdminKey = "ui-tests-operator-key";

    EmbeddedSilo? _silo;
    IPlaywright? _playwright;
    IBrowser? _browser;

    public Uri Silo => (_silo ?? throw new InvalidOperationException("The silo is not started.")).Address;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        _silo = await EmbeddedSilo.StartAsync(AdminKey, "ui-tests-" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
        {
            ["Broadcast__Simulator__MessagesPerSecond"] = "1000",
            ["Broadcast__Simulator__ReceiptDelayMs"] = "300",
        });
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }
}
