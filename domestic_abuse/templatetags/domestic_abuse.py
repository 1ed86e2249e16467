from django import template

from domestic_abuse.config import setting

register = template.Library()


@register.simple_tag
def exit_page_url() -> str:
    return setting("DA_EXIT_PAGE_URL")
