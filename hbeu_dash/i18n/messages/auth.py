"""Signing in: the login form, OIDC, analysts-only pages, a sign-in lost with its server."""

MESSAGES: dict[str, tuple[str, str]] = {
    # login (hbeu_dash/ui/auth.py)
    "login_name": ("用户名", "User name"),
    "login_password": ("密码", "Password"),
    "login_submit": ("登录", "Log in"),
    "login_missing": ("请填写用户名和密码。", "Enter your user name and password."),
    "login_failed": ("用户名或密码不正确。", "Wrong user name or password."),
    "login_throttled": ("失败次数过多，请 {seconds} 秒后再试。", "Too many failed attempts: try again in {seconds} s."),
    "login_with": ("通过 {provider} 登录", "Log in with {provider}"),
    "logged_in_analyst": ("已登录：{name}（分析员）", "Logged in: {name} (analyst)"),
    "logged_in_viewer": ("已登录：{name}（仅查看）", "Logged in: {name} (view only)"),
    "login_not_allowed": ("{name} 未获授权查看本看板。", "{name} is not authorised to view this dashboard."),
    "logout": ("退出登录", "Log out"),
    "viewer_login_title": ("请先登录", "Please log in"),
    "viewer_login_intro": ("本看板仅供授权人员查看。", "This dashboard is open to authorised users only."),
    # a page for analysts only (ui/signin.py)
    "signin_entry": ("分析员登录", "Analyst sign-in"),
    "signin_asked": (
        "你要打开的“{page}”页面仅供分析员使用，请先登录。",
        "The page you asked for, “{page}”, is for analysts: sign in to open it.",
    ),
    "signin_oidc_return": (
        "登录后会回到“{home}”页面，再从导航中打开“{page}”。",
        "After signing in you come back to “{home}”: open “{page}” from the navigation.",
    ),
    "signin_analysts_only": (
        "“{page}”页面仅供分析员使用。当前账号（{name}）只能查看。",
        "“{page}” is for analysts. The account you are signed in with ({name}) can only view.",
    ),
    "signin_none_here": (
        "“{page}”页面仅供分析员使用，本看板没有设置分析员登录。",
        "“{page}” is for analysts, and this dashboard has no analyst sign-in.",
    ),
    "signin_back": ("返回{page}", "Back to {page}"),
    # a password sign-in lost with its server (ui/reconnect.py)
    "signin_lost": (
        "你登录时所在的服务器已停止运行（或不再保留你的会话），登录随之失效，尚未提交的内容也没有保留。请重新登录以继续，"
        "登录后仍停留在本页。",
        "The server you were signed in on has stopped (or no longer holds your session), so you are signed out, and "
        "anything not yet submitted was not kept. Sign in again to continue: you will stay on this page.",
    ),
}
