"""What the local engine sends to its worker processes."""

import pickle

from smrisk.findings import Post


def test_posts_pickle_as_their_fields():
    post = Post(
        id="7", text="hoi @jan", author="@a", author_name="A", date="2026-01-01", url="u", platform="X", row=7
    )
    assert pickle.loads(pickle.dumps(post)) == post
    assert pickle.loads(pickle.dumps(Post(id="8", text=None, problem="empty"))).problem == "empty"
