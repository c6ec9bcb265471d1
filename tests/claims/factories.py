import factory

from claims.models import Article, Claim, ClaimOrigin, Source, SourceKind
from claims.services import content_sha256

SENTENCES = [
    "The ministry said on Tuesday that 40 drones were shot down overnight.",
    "“We will not retreat,” the commander told reporters.",
    "According to the governor, two people were injured in the strike.",
]


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    body = factory.Sequence(lambda n: f"Headline number {n}\n" + "\n".join(SENTENCES))
    publisher = "Example Wire"
    content_sha256 = factory.LazyAttribute(lambda o: content_sha256(o.body))


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ["key"]

    name = factory.Sequence(lambda n: f"Speaker {n}")
    kind = SourceKind.PERSON
    key = factory.LazyAttribute(lambda o: o.name.lower())


class ClaimFactory(factory.django.DjangoModelFactory):
    """A claim on the first sentence line of its article, so its offsets are always right."""

    class Meta:
        model = Claim

    article = factory.SubFactory(ArticleFactory)
    source = factory.SubFactory(SourceFactory)
    start = factory.LazyAttribute(lambda o: o.article.body.index("\n") + 1)
    end = factory.LazyAttribute(lambda o: o.article.body.index("\n", o.start))
    text = factory.LazyAttribute(lambda o: o.article.body[o.start : o.end])
    source_mention = factory.LazyAttribute(lambda o: o.source.name if o.source else "")
    cue = "said"
    origin = ClaimOrigin.EXTRACTED


def claims_in_one_article(n: int, **article_kwargs) -> list[Claim]:
    """An article of n lines "Claim number i, the official said." with one claim per line ("Claim number i")."""
    body = "Title line\n" + "\n".join(f"Claim number {i}, the official said." for i in range(n))
    article = ArticleFactory(body=body, **article_kwargs)
    claims, offset = [], len("Title line") + 1
    for position, line in enumerate(body.split("\n")[1:]):
        end = offset + len(f"Claim number {position}")
        claims.append(ClaimFactory(article=article, start=offset, end=end, text=body[offset:end], position=position))
        offset += len(line) + 1
    return claims
