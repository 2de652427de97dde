using BroadcastGrains.Links;
using BroadcastGrains.Pricing;

namespace BroadcastGrains.Tests.Links;

/// <summary>Which links are tracked, and what a message looks like once they are.</summary>
public class LinkRewriterTests
{
    static TrackedLinks Links(bool perRecipient, params string[] urls) =>
        new(9, 0xABCDEFUL, urls, perRecipient, "https://go.example", 2000);

    [Fact]
    public void Collect_finds_each_link_once_in_order_without_the_sentence_punctuation_after_it()
    {
        var urls = LinkRewriter.Collect("See https://shop.example/sale?id=1&x=2. Or (http://b.example/x), again https://shop.example/sale?id=1&x=2!");

        Assert.Equal(["https://shop.example/sale?id=1&x=2", "http://b.example/x"], urls);
    }

    [Fact]
    public void Collect_keeps_at_most_the_links_a_code_can_number()
    {
        var body = string.Join(' ', Enumerable.Range(0, LinkCode.MaxLinks + 5).Select(i => $"https://e.example/{i}"));

        Assert.Equal(LinkCode.MaxLinks, LinkRewriter.Collect(body).Length);
    }

    [Fact]
    public void Each_tracked_link_becomes_the_recipients_short_link_and_others_stay()
    {
        var links = Links(true, "https://shop.example/sale");

        var text = LinkRewriter.Rewrite("Hi Ann: https://shop.example/sale. Help: https://help.example", links, 17);

        Assert.Equal($"Hi Ann: {links.ShortUrl(0, 17)}. Help: https://help.example", text);
        Assert.StartsWith("https://go.example/l/", links.ShortUrl(0, 17), StringComparison.Ordinal);
        Assert.NotEqual(links.ShortUrl(0, 17), links.ShortUrl(0, 18));
    }

    [Fact]
    public void Aggregate_links_are_one_code_per_link_for_every_recipient()
    {
        var links = Links(false, "https://shop.example/sale");

        Assert.Equal(LinkRewriter.Rewrite("https://shop.example/sale", links, 1),
            LinkRewriter.Rewrite("https://shop.example/sale", links, 1_999_999));
    }

    [Fact]
    public void Segments_are_counted_after_the_replacement()
    {
        var url = "https://shop.example/spring/" + new string('x', 150);
        var body = "Spring sale, 30% off: " + url;
        var links = Links(true, url);

        Assert.Equal(2, SegmentCounter.Count(body).Segments);
        Assert.Equal(1, SegmentCounter.Count(LinkRewriter.Rewrite(body, links, 5)).Segments);
    }

    [Fact]
    public void A_text_without_tracked_links_is_returned_as_the_same_instance()
    {
        const string text = "No links here, just a price: 5:00";

        Assert.Same(text, LinkRewriter.Rewrite(text, Links(true, "https://a.example"), 0));
    }
}
